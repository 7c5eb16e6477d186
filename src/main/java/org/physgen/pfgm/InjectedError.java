package org.physgen.pfgm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.physgen.random.RandomStreams;

/**
 * The injected network error of SPEC §5, for measuring how the sampler tolerates an imperfect
 * denoiser: each estimate {@code D} of a wrapped {@link Denoiser} becomes
 * {@code D + ε · ‖D‖ / √N · ξ}, with N the values of one sample ({@link VolumeShape#length()}), ‖D‖
 * the Euclidean norm of that sample's estimate and ξ standard normal, drawn afresh for every
 * evaluation and sample. So ε is the error's root mean square relative to the estimate's: ε = 0.1 adds
 * 10 % of the estimate's rms per value. Draw k of sample b comes from the stream (seed, k, b), so the
 * errors are reproducible for a seed and the same sequence of calls. Not thread-safe: one sampler run
 * per instance.
 */
public final class InjectedError implements Denoiser {

	private final Denoiser denoiser;
	private final double epsilon;
	private final long seed;
	private long evaluations;

	private InjectedError(final Denoiser denoiser, final double epsilon, final long seed) {
		this.denoiser = denoiser;
		this.epsilon = epsilon;
		this.seed = seed;
	}

	/**
	 * The denoiser with relative error ε; the denoiser itself for ε = 0.
	 *
	 * @param epsilon ε ≥ 0, finite (dimensionless)
	 * @throws IllegalArgumentException naming {@code network_error} for a negative or non-finite ε
	 */
	public static Denoiser around(final Denoiser denoiser, final double epsilon, final long seed) {
		requireEpsilon(epsilon);
		return epsilon == 0 ? denoiser : new InjectedError(denoiser, epsilon, seed);
	}

	/** @throws IllegalArgumentException naming {@code network_error} unless ε is finite and ≥ 0 */
	public static void requireEpsilon(final double epsilon) {
		if (!(epsilon >= 0 && Double.isFinite(epsilon))) {
			throw new IllegalArgumentException("network_error must be a finite number of at least 0, got " + epsilon);
		}
	}

	@Override
	public void denoise(final VolumeShape shape, final float[][] noisy, final double[] sigma,
		final float[][] denoised)
	{
		denoiser.denoise(shape, noisy, sigma, denoised);
		final long evaluation = evaluations++;
		for (int b = 0; b < denoised.length; b++) {
			final float[] d = denoised[b];
			double squares = 0;
			for (final float v : d) squares += (double) v * v;
			final double scale = epsilon * Math.sqrt(squares / d.length);
			final UniformRandomProvider random = RandomStreams.of(seed, evaluation, b);
			final ZigguratSampler.NormalizedGaussian normal = ZigguratSampler.NormalizedGaussian.of(random);
			for (int i = 0; i < d.length; i++) d[i] += (float) (scale * normal.sample());
		}
	}
}
