package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;

class SharpenedRatesTest {

	private static final double R = 8;

	private static final BatchShape SHAPE = new BatchShape(2, 1, new Grid(2, 1, 1, Boundary.PERIODIC));

	/** Rates r·{2, 1/2, 1, 0, 4, 1/4} per voxel, for both batch items. */
	private static final RateModel FIXED = (shape, counts, time, rates) -> {
		final double[] ratios = { 2, 0.5, 1, 0, 4, 0.25 };
		for (int i = 0; i < rates.length; i++) rates[i] = (float) (R * ratios[i / 2 % 6]);
	};

	@Test
	void ratioToTheForwardRateIsRaisedToThePowerFromTheGivenTimeOn() {
		final float[] rates = new float[SHAPE.ratesLength()];
		new SharpenedRates(FIXED, R, 2, 0.5).rates(SHAPE, new float[SHAPE.countsLength()],
			new double[] { 0.7, 0.3 }, rates);
		final float[] sharpened = { 32, 32, 2, 2, 8, 8, 0, 0, 128, 128, 0.5f, 0.5f };
		final float[] kept = { 16, 16, 4, 4, 8, 8, 0, 0, 32, 32, 2, 2 };
		for (int i = 0; i < 12; i++) {
			assertEquals(sharpened[i], rates[i], 1e-4, "item at time 0.7, rate " + i);
			assertEquals(kept[i], rates[12 + i], 1e-6, "item at time 0.3, rate " + i);
		}
	}

	@Test
	void powerOneKeepsTheRates() {
		final float[] plain = new float[SHAPE.ratesLength()];
		final float[] one = new float[SHAPE.ratesLength()];
		FIXED.rates(SHAPE, null, new double[] { 1, 1 }, plain);
		new SharpenedRates(FIXED, R, 1, 0).rates(SHAPE, null, new double[] { 1, 1 }, one);
		assertArrayEquals(plain, one);
	}

	/** γ is the exponent of the single-particle density ratio: the stationary odds of two sites. */
	@Test
	void twoSitesSettleAtTheTemperedOdds() {
		final float[] rates = new float[SHAPE.ratesLength()];
		new SharpenedRates(FIXED, R, 3, 0).rates(SHAPE, null, new double[] { 1, 1 }, rates);
		// voxel 0 -> 1 along +x at r·2^3, voxel 1 -> 0 along -x at r·(1/2)^3: odds 64 = 4^3
		assertEquals(64, rates[0] / rates[3], 1e-3);
	}

	@Test
	void refusesANonPositivePowerNamingTheParameter() {
		final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
			() -> new SharpenedRates(FIXED, R, 0, 0));
		assertTrue(error.getMessage().contains("sharpening"), error.getMessage());
		assertTrue(error.getMessage().contains("0.0"), error.getMessage());
	}
}
