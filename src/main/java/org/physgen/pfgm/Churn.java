package org.physgen.pfgm;

/**
 * EDM stochasticity: before a step from a level sigma in [sMin, sMax], the noise level is raised
 * to sigma (1 + gamma) with gamma = min(sChurn / steps, sqrt(2) - 1) by adding a kernel draw at
 * level sNoise sqrt(sigma_hat^2 - sigma^2). For finite D this composition is an approximation (the
 * PFGM++ kernels are not closed under convolution); for D = infinity it is exact.
 */
public record Churn(double sChurn, double sMin, double sMax, double sNoise) {

	/** No stochasticity: the deterministic Heun sampler. */
	public static final Churn NONE = new Churn(0, 0, Double.POSITIVE_INFINITY, 1);

	public Churn {
		if (!(sChurn >= 0) || Double.isInfinite(sChurn)) {
			throw new IllegalArgumentException("S_churn = " + sChurn + " must be finite and >= 0");
		}
		if (!(sMin >= 0 && sMax >= sMin)) {
			throw new IllegalArgumentException("churn range [" + sMin + ", " + sMax + "] is empty");
		}
		if (!(sNoise > 0) || Double.isInfinite(sNoise)) {
			throw new IllegalArgumentException("S_noise = " + sNoise + " must be positive");
		}
	}

	/** Churn over every noise level with S_noise = 1. */
	public static Churn of(final double sChurn) {
		return new Churn(sChurn, 0, Double.POSITIVE_INFINITY, 1);
	}

	/** gamma for a step from level sigma in a sampler of {@code steps} steps. */
	double gamma(final double sigma, final int steps) {
		if (sChurn == 0 || sigma < sMin || sigma > sMax) return 0;
		return Math.min(sChurn / steps, Math.sqrt(2) - 1);
	}
}
