package org.physgen.ldsm;

/**
 * The fixed scale that makes the network's output O(1) (SPEC §12): the network predicts
 * {@code ε = −√v_ref(t)·s(y, t)}, with {@code v_ref(t) = (1 − e^{−2κt})/κ}, the variance at time t
 * of an Ornstein–Uhlenbeck walk with the wells' curvature κ = U''(±1) = 2a started at a point
 * ({@code 2t} for κ = 0). At small t the true score is about {@code −(y − y₀)/(2t)}, at large t it
 * is {@code −U'(y)}, whose size within a well is √κ; in both regimes ε is of order 1.
 */
public final class ReferenceScale {

	private ReferenceScale() {}

	/** v_ref(t) for wells of curvature κ ≥ 0, t > 0. */
	public static double variance(final double curvature, final double t) {
		final double x = 2 * curvature * t;
		return x == 0 ? 2 * t : -Math.expm1(-x) / curvature;
	}

	/** The network's time input, ln(t)/4, as EDM feeds ln(σ)/4. */
	public static float networkTime(final double t) {
		return (float) (0.25 * Math.log(t));
	}
}
