package org.physgen.pfgm;

/**
 * Estimate of the clean data behind noisy samples, D(x, sigma). Each sample is one flat array in
 * the layout of {@link VolumeShape}; channels hold the {@link PhaseEncoding} of the phases. Networks
 * implement this with their preconditioning ({@link EdmPreconditioning}) inside, so the sampler sees
 * only denoised estimates.
 */
@FunctionalInterface
public interface Denoiser {

	/**
	 * Writes into {@code denoised[b]} the estimate for {@code noisy[b]} at noise level
	 * {@code sigma[b]}, for every b of the batch. {@code noisy} must not be modified.
	 */
	void denoise(VolumeShape shape, float[][] noisy, double[] sigma, float[][] denoised);
}
