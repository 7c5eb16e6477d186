package org.physgen.model.pfgm;

import org.physgen.pfgm.EdmPreconditioning;

/**
 * The EDM-preconditioned network as both the sampler's denoiser and the training loss use it:
 * {@code D(x, σ) = c_skip(σ)·x + c_out(σ)·F(c_in(σ)·x, c_noise(σ))}, in float as the network runs.
 */
final class Preconditioning {

	private Preconditioning() {}

	/**
	 * Writes the network input {@code c_in(σ)·x} of one item into {@code input} from {@code offset}.
	 *
	 * @param x the noisy item, {@code length} values
	 * @return the network's noise input {@code c_noise(σ)}
	 */
	static float input(final float[] x, final int length, final double sigma, final float[] input,
		final int offset)
	{
		final float cIn = (float) EdmPreconditioning.cIn(sigma);
		for (int i = 0; i < length; i++) input[offset + i] = cIn * x[i];
		return (float) EdmPreconditioning.cNoise(sigma);
	}

	/** {@code c_skip(σ)}, the weight of the noisy input in the denoised output. */
	static float skip(final double sigma) {
		return (float) EdmPreconditioning.cSkip(sigma);
	}

	/** {@code c_out(σ)}, the weight of the network's raw output in the denoised output. */
	static float out(final double sigma) {
		return (float) EdmPreconditioning.cOut(sigma);
	}
}
