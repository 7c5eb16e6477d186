package org.physgen.synth;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class BivariateNormalTest {

	@Test
	void orthantProbabilityHasItsClosedForm() {
		// P(X <= 0, Y <= 0) = 1/4 + asin(rho) / (2 pi)
		for (final double rho : new double[] { -0.9, -0.3, 0.2, 0.7, 0.99 }) {
			assertEquals(0.25 + Math.asin(rho) / (2 * Math.PI), BivariateNormal.cdf(0, 0, rho), 1e-14, "rho " + rho);
		}
	}

	@Test
	void independentAndIdenticalLimits() {
		assertEquals(BivariateNormal.cdf(0.4) * BivariateNormal.cdf(-1.1), BivariateNormal.cdf(0.4, -1.1, 0), 1e-15);
		assertEquals(BivariateNormal.cdf(-0.84), BivariateNormal.cdf(-0.84, 0.6, 1), 1e-12);
		assertEquals(BivariateNormal.cdf(0.3), BivariateNormal.cdf(0.3, 0.3, 1), 1e-12);
		assertEquals(BivariateNormal.cdf(0.5), BivariateNormal.cdf(0.5, Double.POSITIVE_INFINITY, 0.4), 0);
	}

	@Test
	void negativeCorrelationMirrorsPositive() {
		// P(X <= h, Y <= k; -rho) = P(X <= h) - P(X <= h, Y <= -k; rho)
		final double h = 0.84, k = -0.52, rho = 0.63;
		assertEquals(BivariateNormal.cdf(h) - BivariateNormal.cdf(h, -k, rho), BivariateNormal.cdf(h, k, -rho), 1e-13);
	}

	@Test
	void fieldCovarianceIsTheGaussianOfTheSpectrum() {
		// exp(-r^2 / (2 l^2)) once the box is padded; a periodic box adds its images
		final double length = 3;
		final double[] padded = GaussianRandomField.axisCorrelation(48, length, false, 12);
		final double[] periodic = GaussianRandomField.axisCorrelation(16, length, true, 8);
		for (int r = 0; r <= 12; r++) {
			assertEquals(Math.exp(-r * r / (2 * length * length)), padded[r], 1e-12, "r " + r);
		}
		for (int r = 0; r <= 8; r++) {
			double images = 0, norm = 0;
			for (int j = -5; j <= 5; j++) {
				images += Math.exp(-Math.pow(r + 16 * j, 2) / (2 * length * length));
				norm += Math.exp(-Math.pow(16 * j, 2) / (2 * length * length));
			}
			assertEquals(images / norm, periodic[r], 1e-12, "periodic, r " + r);
		}
	}
}
