package org.physgen.pfgm;

/**
 * EDM preconditioning of a denoiser network F with sigma_data = 0.5: D(x, sigma) = c_skip x +
 * c_out F(c_in x, c_noise), trained with the loss weight lambda(sigma) = 1 / c_out^2, so that the
 * effective regression target of F has unit variance at every noise level. With r = sigma sqrt(D)
 * the same functions serve every PFGM++ kernel.
 */
public final class EdmPreconditioning {

	public static final double SIGMA_DATA = 0.5;

	private EdmPreconditioning() {}

	public static double cSkip(final double sigma) {
		return SIGMA_DATA * SIGMA_DATA / (sigma * sigma + SIGMA_DATA * SIGMA_DATA);
	}

	public static double cOut(final double sigma) {
		return sigma * SIGMA_DATA / Math.sqrt(sigma * sigma + SIGMA_DATA * SIGMA_DATA);
	}

	public static double cIn(final double sigma) {
		return 1 / Math.sqrt(sigma * sigma + SIGMA_DATA * SIGMA_DATA);
	}

	/** The network's noise-level input, ln(sigma) / 4. */
	public static double cNoise(final double sigma) {
		return Math.log(sigma) / 4;
	}

	/** lambda(sigma) = (sigma^2 + sigma_data^2) / (sigma sigma_data)^2 in lambda |D(x, sigma) - y|^2. */
	public static double lossWeight(final double sigma) {
		final double product = sigma * SIGMA_DATA;
		return (sigma * sigma + SIGMA_DATA * SIGMA_DATA) / (product * product);
	}
}
