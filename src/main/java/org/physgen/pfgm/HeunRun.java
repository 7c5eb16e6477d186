package org.physgen.pfgm;

import java.util.Arrays;

import org.physgen.random.RandomStreams;

/**
 * One sampling run of a {@link HeunSampler}, advanced one step at a time; holds the current
 * samples and the work arrays (four arrays of batch x shape.length() floats in all).
 */
public final class HeunRun {

	private final HeunSampler sampler;
	private final Denoiser denoiser;
	private final VolumeShape shape;
	private final long seed;
	private final double[] sigmas;
	private float[][] x;
	private float[][] next;
	private final float[][] derivative;
	private final float[][] denoised;
	private int step;
	private int evaluations;

	HeunRun(final HeunSampler sampler, final Denoiser denoiser, final VolumeShape shape,
		final float[][] x, final long seed)
	{
		this.sampler = sampler;
		this.denoiser = denoiser;
		this.shape = shape;
		this.seed = seed;
		this.x = x;
		final int length = shape.length();
		next = new float[x.length][length];
		derivative = new float[x.length][length];
		denoised = new float[x.length][length];
		sigmas = new double[x.length];
	}

	public boolean finished() {
		return step == sampler.grid().steps();
	}

	public int stepsDone() {
		return step;
	}

	/** Denoiser evaluations per sample so far. */
	public int evaluations() {
		return evaluations;
	}

	/** The current samples (the final ones once finished). */
	public float[][] samples() {
		return x;
	}

	/** One step from sigma_i to sigma_{i+1}: Heun, or Euler when sigma_{i+1} = 0. */
	public void step() {
		if (finished()) throw new IllegalStateException("the run has finished all its steps");
		final SigmaGrid grid = sampler.grid();
		final double sigma = grid.sigma(step);
		final double sigmaNext = grid.sigma(step + 1);
		final double sigmaHat = sigma * (1 + sampler.churn().gamma(sigma, grid.steps()));
		if (sigmaHat > sigma) addChurn(sigma, sigmaHat);
		final float[][] current = x;
		final float[][] predicted = next;
		final double h = sigmaNext - sigmaHat;
		evaluate(current, sigmaHat);
		Blocks.forEach(current.length, shape.length(), (b, block, from, to) -> {
			final float[] xb = current[b];
			final float[] db = denoised[b];
			final float[] slope = derivative[b];
			final float[] out = predicted[b];
			for (int k = from; k < to; k++) {
				final double d = (xb[k] - db[k]) / sigmaHat;
				slope[k] = (float) d;
				out[k] = (float) (xb[k] + h * d);
			}
		});
		if (sigmaNext > 0) {
			evaluate(predicted, sigmaNext);
			Blocks.forEach(current.length, shape.length(), (b, block, from, to) -> {
				final float[] xb = current[b];
				final float[] db = denoised[b];
				final float[] slope = derivative[b];
				final float[] out = predicted[b];
				for (int k = from; k < to; k++) {
					final double dNext = (out[k] - db[k]) / sigmaNext;
					out[k] = (float) (xb[k] + 0.5 * h * (slope[k] + dNext));
				}
			});
		}
		next = current;
		x = predicted;
		step++;
	}

	private void addChurn(final double sigma, final double sigmaHat) {
		final double level = sampler.churn().sNoise() * Math.sqrt(sigmaHat * sigmaHat - sigma * sigma);
		final long churnSeed = RandomStreams.derive(seed, step + 1);
		for (int b = 0; b < x.length; b++) sampler.kernel().addNoise(x[b], level, churnSeed, b);
	}

	private void evaluate(final float[][] noisy, final double sigma) {
		Arrays.fill(sigmas, sigma);
		denoiser.denoise(shape, noisy, sigmas, denoised);
		evaluations++;
		if (sampler.steering() != null) sampler.steering().apply(shape, denoised);
	}
}
