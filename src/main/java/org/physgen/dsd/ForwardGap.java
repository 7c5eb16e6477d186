package org.physgen.dsd;

import java.util.Arrays;

import org.physgen.random.RandomStreams;

/**
 * How much there is to learn at each time: the process-likelihood divergence of the forward rates r
 * from the reverse-rate targets ({@link DsdLoss#divergence}), per particle and direction, at every
 * time index of the schedule. It is large early in the forward process, where a few displaced
 * particles have rates near r/τ, and falls to 0 where the walk has mixed the crop.
 */
public final class ForwardGap {

	private static final long PURPOSE = 0x47415053L;

	private ForwardGap() {}

	/** {@link DsdLoss#divergence} of the forward rate r, the same for every particle and direction. */
	public static double of(final NoisedBatch noised, final double rate) {
		final float[] forward = new float[noised.shape().ratesLength()];
		Arrays.fill(forward, (float) rate);
		return DsdLoss.divergence(noised.shape(), forward, noised.counts(), noised.targets());
	}

	/**
	 * Measures the divergence at {@code points} time indices spread evenly over 1..T-1, on the given
	 * crops noised with a fixed seed, and interpolates its logarithm linearly in k between them.
	 *
	 * @param crops label crops of the noising's grid, {@code [crop][z][y·sizeX + x]}
	 * @param points measured time indices, at least 2
	 * @return {@code gap[k]} for k in 1..T-1; {@code gap[0]} is 0
	 */
	public static double[] byTimeIndex(final ForwardNoising noising, final byte[][][] crops,
		final int points, final long seed)
	{
		final int steps = noising.schedule().steps();
		if (points < 2) throw new IllegalArgumentException("points must be at least 2, got " + points);
		if (crops.length == 0) throw new IllegalArgumentException("no crops to measure the gap on");
		final int[] measured = new int[Math.min(points, steps - 1)];
		final double[] logGap = new double[measured.length];
		for (int i = 0; i < measured.length; i++) {
			measured[i] = 1 + (int) Math.round(i * (steps - 2) / (double) (measured.length - 1));
			final int[] k = new int[crops.length];
			Arrays.fill(k, measured[i]);
			final NoisedBatch noised = noising.noise(crops, k, RandomStreams.derive(seed, PURPOSE + i));
			logGap[i] = Math.log(Math.max(of(noised, noising.rate()), Double.MIN_NORMAL));
		}
		final double[] gap = new double[steps];
		int segment = 0;
		for (int k = 1; k < steps; k++) {
			while (segment < measured.length - 2 && k > measured[segment + 1]) segment++;
			final int k0 = measured[segment];
			final int k1 = measured[segment + 1];
			final double f = (k - k0) / (double) (k1 - k0);
			gap[k] = Math.exp(logGap[segment] + f * (logGap[segment + 1] - logGap[segment]));
		}
		return gap;
	}
}
