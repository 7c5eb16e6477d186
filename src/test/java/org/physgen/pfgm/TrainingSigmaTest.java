package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class TrainingSigmaTest {

	@Test
	void logSigmaIsNormalWithMeanMinus1Point2AndSd1Point2() {
		final UniformRandomProvider rng = TinyVolumes.random(4);
		final int n = 100_000;
		double sum = 0;
		double sumSquares = 0;
		int belowOne = 0;
		for (int i = 0; i < n; i++) {
			final double sigma = TrainingSigma.sample(rng);
			sum += Math.log(sigma);
			sumSquares += Math.log(sigma) * Math.log(sigma);
			if (sigma < 1) belowOne++;
		}
		final double mean = sum / n;
		assertEquals(-1.2, mean, 0.015);
		assertEquals(1.2, Math.sqrt(sumSquares / n - mean * mean), 0.015);
		// P(sigma < 1) = Phi(1.2 / 1.2) = Phi(1) = 0.8413
		assertEquals(0.8413, (double) belowOne / n, 0.005);
	}

	@Test
	void densityIntegratesToOneAndMatchesTheCdf() {
		double total = 0;
		double belowOne = 0;
		final double du = 1e-4;
		for (double u = -12; u < 10; u += du) {
			final double sigma = Math.exp(u);
			final double mass = TrainingSigma.density(sigma) * sigma * du;
			total += mass;
			if (sigma < 1) belowOne += mass;
		}
		assertEquals(1, total, 1e-6);
		assertEquals(0.841345, belowOne, 1e-4);
		assertEquals(0, TrainingSigma.density(0), 0);
	}
}
