package org.physgen.pfgm;

import org.apache.commons.math3.special.Erf;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;

/** Noise levels for training: ln(sigma) ~ Normal(-1.2, 1.2^2), as in EDM. */
public final class TrainingSigma {

	public static final double LOG_MEAN = -1.2;
	public static final double LOG_STD = 1.2;

	private TrainingSigma() {}

	public static double sample(final UniformRandomProvider rng) {
		return Math.exp(LOG_MEAN + LOG_STD * ZigguratSampler.NormalizedGaussian.of(rng).sample());
	}

	/**
	 * The noise level below which a fraction {@code q} of the training levels lie, for fixed
	 * validation levels.
	 *
	 * @throws IllegalArgumentException for q outside (0, 1)
	 */
	public static double quantile(final double q) {
		if (!(q > 0 && q < 1)) throw new IllegalArgumentException("quantile must be in (0, 1), got " + q);
		return Math.exp(LOG_MEAN + LOG_STD * Math.sqrt(2) * Erf.erfInv(2 * q - 1));
	}

	/** Probability density of sigma (log-normal). */
	public static double density(final double sigma) {
		if (!(sigma > 0)) return 0;
		final double z = (Math.log(sigma) - LOG_MEAN) / LOG_STD;
		return Math.exp(-0.5 * z * z) / (sigma * LOG_STD * Math.sqrt(2 * Math.PI));
	}
}
