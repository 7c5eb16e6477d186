package org.physgen.ldsm;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.physgen.pfgm.Blocks;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;

/**
 * The forward SDE {@code dy = f(y) dt + √2 dW} of a {@link DoubleWell}, elementwise, simulated by
 * Euler–Maruyama with equal steps of at most {@code maxStep} (the duration divided into
 * ⌈duration / maxStep⌉ steps). Each channel has its own tilt h, the barrier is shared.
 *
 * @param barrier a ≥ 0
 * @param maxStep largest Euler–Maruyama step, in (0, 0.01]
 */
public record ForwardProcess(double barrier, double maxStep) {

	/** SPEC §12: the forward simulation takes steps of at most 0.01. */
	public static final double STEP_LIMIT = 0.01;

	public ForwardProcess {
		if (!(barrier >= 0) || Double.isInfinite(barrier)) {
			throw new IllegalArgumentException("barrier must be non-negative and finite, got " + barrier);
		}
		if (!(maxStep > 0 && maxStep <= STEP_LIMIT)) {
			throw new IllegalArgumentException("forward_step must be in (0, " + STEP_LIMIT + "], got " + maxStep);
		}
	}

	/** Number of Euler–Maruyama steps over a duration ≥ 0. */
	public int steps(final double duration) {
		if (!(duration >= 0) || Double.isInfinite(duration)) {
			throw new IllegalArgumentException("duration must be non-negative and finite, got " + duration);
		}
		return (int) Math.ceil(duration / maxStep - 1e-9);
	}

	/**
	 * One value moved over {@code duration} in {@code steps} equal steps.
	 *
	 * @param gauss standard normal draws, one per step
	 */
	public static double simulate(final DoubleWell well, final double start, final double duration,
		final int steps, final ZigguratSampler.NormalizedGaussian gauss)
	{
		if (steps == 0) return start;
		final double dt = duration / steps;
		final double noise = Math.sqrt(2 * dt);
		double y = start;
		for (int k = 0; k < steps; k++) y += well.drift(y) * dt + noise * gauss.sample();
		return y;
	}

	/**
	 * Every value of one sample moved over {@code duration}; value k of channel c uses the tilt
	 * {@code tilts[c]}. Draws from streams keyed by (seed, block), so the result does not depend on
	 * the thread count.
	 *
	 * @param start one sample in the layout of {@code shape}
	 */
	public float[] simulate(final float[] start, final VolumeShape shape, final double[] tilts,
		final double duration, final long seed)
	{
		final DoubleWell[] wells = wells(shape, tilts);
		final int steps = steps(duration);
		final float[] end = new float[start.length];
		final int voxels = shape.voxels();
		Blocks.forEach(1, start.length, (unused, block, from, to) -> {
			final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
				RandomStreams.of(seed, block));
			for (int k = from; k < to; k++) {
				end[k] = (float) simulate(wells[k / voxels], start[k], duration, steps, gauss);
			}
		});
		return end;
	}

	/** One well per channel, with the channel's tilt. */
	public DoubleWell[] wells(final VolumeShape shape, final double[] tilts) {
		if (tilts.length != shape.channels()) {
			throw new IllegalArgumentException(tilts.length + " tilts given, the samples have " + shape.channels()
				+ " channels");
		}
		final DoubleWell[] wells = new DoubleWell[tilts.length];
		for (int c = 0; c < tilts.length; c++) wells[c] = new DoubleWell(barrier, tilts[c]);
		return wells;
	}
}
