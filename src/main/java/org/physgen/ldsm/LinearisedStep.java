package org.physgen.ldsm;

/**
 * One step of length δ of {@code dy = f(y) dt + √2 dW} with the drift linearised at the start
 * y_s: {@code f(y) ≈ f(y_s) + b·(y − y_s)}, b = f'(y_s). The linear SDE has the Gaussian
 * transition with mean {@code m = y_s + f(y_s)·(e^{bδ} − 1)/b} and variance
 * {@code v = (e^{2bδ} − 1)/b}, with the limits {@code y_s + f·δ} and {@code 2δ} as b → 0 (SPEC §12;
 * Singhal et al., arXiv 2407.07998, local DSM). Both are computed with {@link Math#expm1}, so they
 * stay accurate for |bδ| far below machine precision.
 */
public final class LinearisedStep {

	private LinearisedStep() {}

	/** (e^{bδ} − 1)/b, δ at b = 0. */
	static double growth(final double slope, final double delta) {
		final double x = slope * delta;
		return x == 0 ? delta : Math.expm1(x) / slope;
	}

	/** m = y_s + f(y_s)·(e^{bδ} − 1)/b. */
	public static double mean(final DoubleWell well, final double start, final double delta) {
		return start + well.drift(start) * growth(well.slope(start), delta);
	}

	/** v = (e^{2bδ} − 1)/b, 2δ at b = 0; positive for every b. */
	public static double variance(final DoubleWell well, final double start, final double delta) {
		return growth(well.slope(start), 2 * delta);
	}
}
