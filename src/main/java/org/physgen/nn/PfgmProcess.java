package org.physgen.nn;

/**
 * Settings of the PFGM++ process a model was trained with (SPEC §5).
 *
 * @param augDim augmented dimension D; {@link Double#POSITIVE_INFINITY} for the diffusion limit
 * @param sigmaMin smallest noise level of the sampler
 * @param sigmaMax largest noise level of the sampler
 * @param rho exponent of the noise-level grid
 * @param steps sampler steps
 */
public record PfgmProcess(double augDim, double sigmaMin, double sigmaMax, double rho, int steps) {

	public static final double DEFAULT_SIGMA_MIN = 0.002;
	public static final double DEFAULT_SIGMA_MAX = 80;
	public static final double DEFAULT_RHO = 7;
	public static final int DEFAULT_STEPS = 18;

	public PfgmProcess {
		if (!(augDim >= 1)) throw new IllegalArgumentException("aug_dim must be at least 1 (or inf), got " + augDim);
		if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || Double.isInfinite(sigmaMax)) {
			throw new IllegalArgumentException("sigma_min and sigma_max must satisfy 0 < sigma_min < " +
				"sigma_max < inf, got " + sigmaMin + " and " + sigmaMax);
		}
		if (!(rho > 0) || Double.isInfinite(rho)) {
			throw new IllegalArgumentException("rho must be positive and finite, got " + rho);
		}
		if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
	}

	/** The defaults of SPEC §5 for an augmented dimension D. */
	public static PfgmProcess defaults(final double augDim) {
		return new PfgmProcess(augDim, DEFAULT_SIGMA_MIN, DEFAULT_SIGMA_MAX, DEFAULT_RHO, DEFAULT_STEPS);
	}

	/** "PFGM (D = 1)", "PFGM++ (D = 128)" or "PFGM++ (D = inf, diffusion)", for reports and the UI. */
	public String label() {
		if (augDim == Double.POSITIVE_INFINITY) return "PFGM++ (D = inf, diffusion)";
		final String d = augDim == Math.rint(augDim) ? String.valueOf((long) augDim) : String.valueOf(augDim);
		return (augDim == 1 ? "PFGM" : "PFGM++") + " (D = " + d + ")";
	}
}
