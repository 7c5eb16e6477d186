package org.physgen.pfgm;

/**
 * The EDM noise levels of a sampler with {@code steps} steps: sigma_i = (sigma_max^(1/rho) +
 * i / (steps - 1) (sigma_min^(1/rho) - sigma_max^(1/rho)))^rho for i = 0..steps-1, then sigma_steps
 * = 0.
 */
public record SigmaGrid(int steps, double sigmaMin, double sigmaMax, double rho) {

	public static final double SIGMA_MIN = 0.002;
	public static final double SIGMA_MAX = 80;
	public static final double RHO = 7;
	public static final int DEFAULT_STEPS = 18;

	public SigmaGrid {
		if (steps < 1) throw new IllegalArgumentException("steps = " + steps + " must be at least 1");
		if (!(sigmaMin > 0 && sigmaMax >= sigmaMin) || Double.isInfinite(sigmaMax)) {
			throw new IllegalArgumentException("noise levels need 0 < sigma_min <= sigma_max < infinity, got "
				+ sigmaMin + " and " + sigmaMax);
		}
		if (!(rho > 0) || Double.isInfinite(rho)) {
			throw new IllegalArgumentException("rho = " + rho + " must be positive");
		}
	}

	/** sigma_min 0.002, sigma_max 80, rho 7. */
	public static SigmaGrid edm(final int steps) {
		return new SigmaGrid(steps, SIGMA_MIN, SIGMA_MAX, RHO);
	}

	/** sigma_i for i in 0..steps; sigma_steps = 0. */
	public double sigma(final int i) {
		if (i < 0 || i > steps) {
			throw new IndexOutOfBoundsException("step " + i + " is outside 0.." + steps);
		}
		if (i == steps) return 0;
		if (steps == 1) return sigmaMax;
		final double top = Math.pow(sigmaMax, 1 / rho);
		final double bottom = Math.pow(sigmaMin, 1 / rho);
		return Math.pow(top + (double) i / (steps - 1) * (bottom - top), rho);
	}

	/** Denoiser evaluations per sample: two per Heun step, one for the final Euler step. */
	public int evaluations() {
		return 2 * steps - 1;
	}
}
