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
		// item 0: 6 entries with y = 1, R = 1 and 6 with y = 0, R = 1, 2 particles; item 1: y = 0.5
		// and 1.5, 4 particles; each target's own term R - R ln R = 1 is subtracted
		final double item0 = (6 * (1 - 0) + 6 * (0 - Math.log(1e-8)) - 12) / (6 * 2);
		final double item1 = (6 * (0.5 - Math.log(0.5)) + 6 * (1.5 - Math.log(1.5)) - 12) / (6 * 4);
		assertEquals((0.1 * item0 + 0.3 * item1) / 2, DsdLoss.processLikelihood(SHAPE, rates, counts,
			targets, new double[] { 0.1, 0.3 }), 1e-12);
		assertEquals((2 * item0 + 4 * item1) / 6, DsdLoss.divergence(SHAPE, rates, counts, targets), 1e-12);
		Arrays.fill(rates, 1f);
		final float[] exact = new float[24];
		for (int d = 0; d < 6; d++) {
			exact[2 * d] = 2;
			exact[12 + 2 * d] = 1;
			exact[12 + 2 * d + 1] = 3;
		}
		assertEquals(0, DsdLoss.divergence(SHAPE, rates, counts, exact), 1e-12, "0 at the targets");
	}

	@Test
	void divergenceIsPositiveUnlessSiteTotalsMatchTargets() {
		final BatchShape one = new BatchShape(1, 1, new Grid(1, 1, 1, Boundary.PERIODIC));
		final float[] counts = { 1 };
		for (final float target : new float[] { 0.3f, 1, 7 }) {
			final float[] targets = new float[6];
			Arrays.fill(targets, target);
			for (final float factor : new float[] { 0.5f, 0.9f, 0.99f, 1.01f, 1.1f, 2 }) {
				final float[] rates = new float[6];
				Arrays.fill(rates, target * factor);
				assertTrue(DsdLoss.divergence(one, rates, counts, targets) > 0, target + " x " + factor);
			}
		}
	}
}
