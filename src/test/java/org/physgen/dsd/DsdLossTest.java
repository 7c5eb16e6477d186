package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;

class DsdLossTest {

	private static final BatchShape SHAPE = new BatchShape(2, 1, new Grid(1, 1, 2, Boundary.PERIODIC));

	@Test
	void handComputedValues() {
		final float[] counts = { 2, 0, 1, 3 };
		final float[] rates = new float[24];
		final float[] targets = new float[24];
		Arrays.fill(rates, 0.5f);
		Arrays.fill(targets, 1f);
		// item 0: 6 entries with y = 1, R = 1 and 6 with y = 0, R = 1; item 1: y = 0.5 and 1.5
		final double item0 = 6 * (1 - 0) + 6 * (0 - Math.log(1e-8));
		final double item1 = 6 * (0.5 - Math.log(0.5)) + 6 * (1.5 - Math.log(1.5));
		assertEquals((0.1 * item0 + 0.3 * item1) / 24, DsdLoss.processLikelihood(SHAPE, rates, counts,
			targets, new double[] { 0.1, 0.3 }), 1e-12);
		assertEquals((6 * 0 + 6 * 1 + 6 * 0.5 + 6 * 0.5) / 24.0, DsdLoss.l1(SHAPE, rates, counts,
			targets), 1e-12);
	}

	@Test
	void processLikelihoodIsSmallestWhenSiteTotalsMatchTargets() {
		for (final double target : new double[] { 0.3, 1, 7 }) {
			final double best = DsdLoss.processLikelihoodTerm(target, target);
			for (final double factor : new double[] { 0.5, 0.9, 0.99, 1.01, 1.1, 2 }) {
				assertTrue(DsdLoss.processLikelihoodTerm(target * factor, target) > best);
			}
		}
	}
}
