package org.physgen.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.junit.jupiter.api.Test;
import org.physgen.random.RandomStreams;

/**
 * Oracle 1 of SPEC §12: the linearised mean and variance match a fine Euler–Maruyama simulation of
 * the nonlinear SDE over δ to O(δ²). The fine paths of the nonlinear SDE and of its linearisation
 * share their Brownian increments, so the Monte Carlo error of the difference is about δ²/√N; the
 * linearisation's own moments under the fine scheme follow from exact recursions. Measured (a = 2,
 * h = 0.3, δ = 0.01): mean errors 7.2e-4, -2.5e-4, -5.8e-4 from y_s = -1.3, 0.4, 1.0, which is
 * f''(y_s)·δ²/2 (the drift's curvature acting on the step's spread 2u), and four times that at
 * 2δ; variance errors below 3e-5, growing about eightfold at 2δ.
 */
class LinearisedStepTest {

	private static final DoubleWell WELL = new DoubleWell(2, 0.3);
	private static final int PATHS = 20_000;
	private static final int FINE = 400;

	@Test
	void meanAndVarianceMatchAFineSimulationToSecondOrder() {
		for (final double start : new double[] { -1.3, 0.4, 1.0 }) {
			final double[] small = errors(start, 0.01), large = errors(start, 0.02);
			final double bound = 10 * 0.01 * 0.01;
			assertTrue(Math.abs(small[0]) < bound && Math.abs(small[1]) < bound,
				"y_s = " + start + ": errors " + small[0] + ", " + small[1] + " at δ = 0.01");
			assertEquals(4, large[0] / small[0], 1, "mean error grows as δ² from y_s = " + start);
			final double leading = 0.5 * -6 * WELL.barrier() * start * 0.01 * 0.01;
			assertEquals(leading, small[0], 0.15 * Math.abs(leading), "mean error is f''(y_s)·δ²/2 from y_s = " + start);
		}
	}

	@Test
	void limitsAtZeroSlopeAreTheBrownianStep() {
		final DoubleWell flat = new DoubleWell(0, 0.7);
		assertEquals(0.25 + 0.7 * 0.01, LinearisedStep.mean(flat, 0.25, 0.01), 1e-15);
		assertEquals(0.02, LinearisedStep.variance(flat, 0.25, 0.01), 1e-15);
		final DoubleWell nearlyFlat = new DoubleWell(1e-13, 0);
		final double v = LinearisedStep.variance(nearlyFlat, 0.2, 0.01);
		assertEquals(0.02 * (1 + nearlyFlat.slope(0.2) * 0.01), v, 1e-17, "expm1 keeps b·δ ~ 1e-15");
	}

	/** {mean error, variance error} of the linearised step from y_s over δ. */
	private static double[] errors(final double start, final double delta) {
		final double dt = delta / FINE, noise = Math.sqrt(2 * dt);
		final double f = WELL.drift(start), b = WELL.slope(start);
		final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
			RandomStreams.of(42, Double.doubleToLongBits(start), Double.doubleToLongBits(delta)));
		double sumDiff = 0, sumDiff2 = 0, sumLinear = 0, sumCross = 0;
		for (int p = 0; p < PATHS; p++) {
			double y = start, z = start;
			for (int k = 0; k < FINE; k++) {
				final double w = noise * gauss.sample();
				y += WELL.drift(y) * dt + w;
				z += (f + b * (z - start)) * dt + w;
			}
			final double d = y - z;
			sumDiff += d;
			sumDiff2 += d * d;
			sumLinear += z;
			sumCross += z * d;
		}
		double linearMean = start, linearVariance = 0;
		for (int k = 0; k < FINE; k++) {
			linearMean += (f + b * (linearMean - start)) * dt;
			linearVariance = (1 + b * dt) * (1 + b * dt) * linearVariance + 2 * dt;
		}
		final double meanDiff = sumDiff / PATHS;
		final double covariance = sumCross / PATHS - sumLinear / PATHS * meanDiff;
		final double varianceDiff = sumDiff2 / PATHS - meanDiff * meanDiff;
		final double mean = linearMean + meanDiff;
		final double variance = linearVariance + 2 * covariance + varianceDiff;
		return new double[] { mean - LinearisedStep.mean(WELL, start, delta),
			variance - LinearisedStep.variance(WELL, start, delta) };
	}
}
