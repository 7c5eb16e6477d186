package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class EdmPreconditioningTest {

	@Test
	void coefficientsAtSigmaOne() {
		// sigma^2 + sigma_data^2 = 1.25
		assertEquals(0.2, EdmPreconditioning.cSkip(1), 1e-15);
		assertEquals(0.5 / Math.sqrt(1.25), EdmPreconditioning.cOut(1), 1e-15);
		assertEquals(1 / Math.sqrt(1.25), EdmPreconditioning.cIn(1), 1e-15);
		assertEquals(0, EdmPreconditioning.cNoise(1), 0);
		assertEquals(5, EdmPreconditioning.lossWeight(1), 1e-12);
	}

	@Test
	void coefficientsAtSigmaData() {
		final double s = EdmPreconditioning.SIGMA_DATA;
		assertEquals(0.5, EdmPreconditioning.cSkip(s), 1e-15);
		assertEquals(s / Math.sqrt(2), EdmPreconditioning.cOut(s), 1e-15);
		assertEquals(1 / (s * Math.sqrt(2)), EdmPreconditioning.cIn(s), 1e-15);
		assertEquals(Math.log(0.5) / 4, EdmPreconditioning.cNoise(s), 1e-15);
		assertEquals(8, EdmPreconditioning.lossWeight(s), 1e-12);
	}

	@Test
	void effectiveTargetsHaveUnitWeightAndUnitVariance() {
		final double sd = EdmPreconditioning.SIGMA_DATA;
		for (final double sigma : new double[] { 0.002, 0.03, 0.5, 2, 80 }) {
			final double cOut = EdmPreconditioning.cOut(sigma);
			final double cSkip = EdmPreconditioning.cSkip(sigma);
			final double cIn = EdmPreconditioning.cIn(sigma);
			assertEquals(1, EdmPreconditioning.lossWeight(sigma) * cOut * cOut, 1e-12);
			// network input c_in (y + n) has unit variance for data of variance sigma_data^2
			assertEquals(1, cIn * cIn * (sd * sd + sigma * sigma), 1e-12);
			// target (y - c_skip (y + n)) / c_out has unit variance
			final double targetVariance = ((1 - cSkip) * (1 - cSkip) * sd * sd + cSkip * cSkip * sigma
				* sigma) / (cOut * cOut);
			assertEquals(1, targetVariance, 1e-12);
		}
	}
}
