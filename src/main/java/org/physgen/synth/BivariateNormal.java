package org.physgen.synth;

import org.apache.commons.math3.analysis.integration.gauss.GaussIntegrator;
import org.apache.commons.math3.analysis.integration.gauss.GaussIntegratorFactory;
import org.apache.commons.math3.special.Erf;

/**
 * The standard bivariate normal distribution function {@code Φ2(h, k; ρ) = P(X ≤ h, Y ≤ k)} for unit
 * normals of correlation ρ, by Sheppard's formula
 * {@code Φ2 = Φ(h)Φ(k) + (1/2π) ∫_0^{asin ρ} exp(−(h² + k² − 2hk sin θ) / (2cos²θ)) dθ}
 * (the integral of Plackett's identity ∂Φ2/∂ρ = φ2 after ρ = sin θ), whose integrand is smooth and
 * bounded, integrated by 40-point Gauss–Legendre quadrature.
 */
final class BivariateNormal {

	private static final GaussIntegratorFactory RULES = new GaussIntegratorFactory();
	private static final int POINTS = 40;

	private BivariateNormal() {}

	/** Φ(x), the standard normal distribution function; ±∞ give 1 and 0. */
	static double cdf(final double x) {
		return 0.5 * Erf.erfc(-x / Math.sqrt(2));
	}

	/** Φ2(h, k; ρ); h or k may be ±∞, ρ is clamped to [−1, 1]. */
	static double cdf(final double h, final double k, final double rho) {
		if (h == Double.NEGATIVE_INFINITY || k == Double.NEGATIVE_INFINITY) return 0;
		if (h == Double.POSITIVE_INFINITY) return cdf(k);
		if (k == Double.POSITIVE_INFINITY) return cdf(h);
		final double end = Math.asin(Math.max(-1, Math.min(1, rho)));
		if (end == 0) return cdf(h) * cdf(k);
		final GaussIntegrator rule = RULES.legendre(POINTS, Math.min(0, end), Math.max(0, end));
		final double integral = rule.integrate(theta -> {
			final double cos = Math.cos(theta);
			return Math.exp(-(h * h + k * k - 2 * h * k * Math.sin(theta)) / (2 * cos * cos));
		});
		return cdf(h) * cdf(k) + Math.signum(end) * integral / (2 * Math.PI);
	}
}
