package org.physgen.yukawa;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The death times of the forward Yukawa process, which are the birth times of the reverse one:
 * iid with CDF {@code 1 − S(t)}, drawn by inverse CDF (SPEC 13).
 */
public final class DeathTimes {

	private DeathTimes() {}

	/**
	 * {@code count} iid death times, in draw order.
	 *
	 * @param rng a seeded stream ({@code org.physgen.random.RandomStreams})
	 */
	public static double[] draw(final Survival survival, final int count, final UniformRandomProvider rng) {
		if (count < 0) throw new IllegalArgumentException("count must not be negative, got " + count);
		final double[] times = new double[count];
		for (int i = 0; i < count; i++) times[i] = survival.deathTime(rng.nextDouble());
		return times;
	}

	/** {@link #draw} sorted from the latest to the earliest: the order of births in reverse time. */
	public static double[] reverseOrder(final Survival survival, final int count, final UniformRandomProvider rng) {
		final double[] times = draw(survival, count, rng);
		Arrays.sort(times);
		for (int i = 0, j = count - 1; i < j; i++, j--) {
			final double t = times[i];
			times[i] = times[j];
			times[j] = t;
		}
		return times;
	}
}
