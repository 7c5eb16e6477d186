package org.physgen.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The prior: its tabulated CDF against Simpson's rule, the inverse CDF, and the solved tilt. */
class StationaryDensityTest {

	@Test
	void upperMassMatchesSimpsonsRule() {
		for (final double h : new double[] { -2, 0, 0.7 }) {
			final DoubleWell well = new DoubleWell(2, h);
			assertEquals(simpsonUpperMass(well), new StationaryDensity(well).upperMass(), 1e-8, "h = " + h);
		}
	}

	@Test
	void quantileInvertsTheCdf() {
		final StationaryDensity density = new StationaryDensity(new DoubleWell(2, -0.4));
		for (final double u : new double[] { 1e-6, 0.1, 0.5, 0.77, 0.999 }) {
			assertEquals(u, density.cdf(density.quantile(u)), 1e-9, "u = " + u);
		}
	}

	@Test
	void theTiltGivesTheRequestedUpperMass() {
		for (final double phi : new double[] { 0.001, 0.05, 0.3, 0.5, 0.9 }) {
			final double h = Tilt.forFraction(2, phi);
			assertEquals(phi, new StationaryDensity(new DoubleWell(2, h)).upperMass(), 1e-8, "φ = " + phi);
			assertEquals(phi, simpsonUpperMass(new DoubleWell(2, h)), 1e-8, "φ = " + phi);
		}
		assertEquals(0, Tilt.forFraction(2, 0.5), 1e-9, "no tilt for equal wells");
		assertEquals(Tilt.forFraction(4, 0.001), Tilt.forClampedFraction(4, 0), 0);
	}

	@Test
	void channelFractionsFollowThePhaseEncoding() {
		assertEquals(0.3, Tilt.channelFractions(new double[] { 0.3 })[0], 0);
		final double[] three = Tilt.channelFractions(new double[] { 0.2, 0.5 });
		assertEquals(3, three.length);
		assertEquals(0.3, three[0], 1e-15);
		assertEquals(0.5, three[2], 0);
	}

	@Test
	void badArgumentsAreNamed() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> Tilt.forFraction(2, 1)).getMessage()
			.startsWith("fraction"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new StationaryDensity(new DoubleWell(0, 0)))
			.getMessage().startsWith("barrier"));
	}

	/** ∫_0^6 e^{−U} / ∫_{−6}^6 e^{−U} by Simpson's rule with 240000 intervals. */
	private static double simpsonUpperMass(final DoubleWell well) {
		final int n = 120_000;
		final double step = 6.0 / n;
		double lower = 0, upper = 0;
		for (int i = 0; i <= n; i++) {
			final double w = i == 0 || i == n ? 1 : i % 2 == 1 ? 4 : 2;
			upper += w * Math.exp(-well.potential(i * step));
			lower += w * Math.exp(-well.potential(-i * step));
		}
		return upper / (upper + lower);
	}
}
