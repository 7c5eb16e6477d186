package org.physgen.ldsm;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.physgen.pfgm.Blocks;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;

/**
 * Local-DSM training pairs for one encoded crop (SPEC §12; Singhal et al., arXiv 2407.07998, §3):
 * from the data y₀, simulate y_s ({@link ForwardProcess}), take one {@link LinearisedStep} of
 * length δ, draw {@code y_t = m + √v·ξ} with t = s + δ. The score target is {@code −ξ/√v}; the
 * network predicts {@code ε = −√v_ref(t)·s} ({@link ReferenceScale}), so the loss
 * {@code ‖√v·s_θ + ξ‖²} reads {@code ‖ξ − r·ε_θ‖²} with {@code r = √(v / v_ref(t))} per value.
 */
public final class LocalPairs {

	private final ForwardProcess forward;
	private final double delta;

	/** @param delta δ, positive and at most 0.1 */
	public LocalPairs(final ForwardProcess forward, final double delta) {
		if (!(delta > 0 && delta <= 0.1)) throw new IllegalArgumentException("delta must be in (0, 0.1], got " + delta);
		this.forward = forward;
		this.delta = delta;
	}

	/**
	 * One pair per value of the crop.
	 *
	 * @param clean the encoded crop y₀ in the layout of {@code shape}
	 * @param tilts h per channel
	 * @param s the start time of the local step, ≥ 0; the pair is at t = s + δ
	 * @param seed keys the random streams (with the block of values)
	 */
	public Pair draw(final float[] clean, final VolumeShape shape, final double[] tilts, final double s,
		final long seed)
	{
		final DoubleWell[] wells = forward.wells(shape, tilts);
		final int steps = forward.steps(s);
		final double t = s + delta;
		final double reference = ReferenceScale.variance(wells[0].wellCurvature(), t);
		final int voxels = shape.voxels();
		final float[] noisy = new float[clean.length];
		final float[] noise = new float[clean.length];
		final float[] ratio = new float[clean.length];
		Blocks.forEach(1, clean.length, (unused, block, from, to) -> {
			final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
				RandomStreams.of(seed, block));
			for (int k = from; k < to; k++) {
				final DoubleWell well = wells[k / voxels];
				final double ys = ForwardProcess.simulate(well, clean[k], s, steps, gauss);
				final double v = LinearisedStep.variance(well, ys, delta);
				final double xi = gauss.sample();
				noisy[k] = (float) (LinearisedStep.mean(well, ys, delta) + Math.sqrt(v) * xi);
				noise[k] = (float) xi;
				ratio[k] = (float) Math.sqrt(v / reference);
			}
		});
		return new Pair(t, noisy, noise, ratio);
	}

	public double delta() {
		return delta;
	}

	/**
	 * @param t the time of y_t
	 * @param noisy y_t per value
	 * @param noise ξ per value
	 * @param ratio r = √(v / v_ref(t)) per value: the score target is −ξ/(r·√v_ref(t))
	 */
	public record Pair(double t, float[] noisy, float[] noise, float[] ratio) {}
}
