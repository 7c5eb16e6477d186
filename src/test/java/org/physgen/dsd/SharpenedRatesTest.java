package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;

class SharpenedRatesTest {

	private static final double R = 8;

	/** Two items of a 3-voxel periodic ring along x; the y and z hops are zero. */
	private static final BatchShape SHAPE = new BatchShape(2, 1, new Grid(3, 1, 1, Boundary.PERIODIC));

	/** Per voxel 0, 1, 2: two particles, one, none, in both items. */
	private static final float[] COUNTS = { 2, 1, 0, 2, 1, 0 };

	/** Rates r·{2, 1/2} along +x and −x at every voxel, zero along y and z. */
	private static final RateModel FIXED = (shape, counts, time, rates) -> {
		java.util.Arrays.fill(rates, 0);
		for (int b = 0; b < shape.batch(); b++) {
			for (int v = 0; v < 3; v++) {
				rates[shape.ratesOffset(b, 0, Direction.PLUS_X) + v] = (float) (2 * R);
				rates[shape.ratesOffset(b, 0, Direction.MINUS_X) + v] = (float) (0.5 * R);
			}
		}
	};

	private static float[] sharpened(final double power, final double from, final double... times) {
		final float[] rates = new float[SHAPE.ratesLength()];
		new SharpenedRates(FIXED, R, power, from).rates(SHAPE, COUNTS, times, rates);
		return rates;
	}

	private static float rate(final float[] rates, final int item, final Direction d, final int voxel) {
		return rates[SHAPE.ratesOffset(item, 0, d) + voxel];
	}

	/**
	 * Only the probability ratio p(n')/p(n) = R/(r·c) is raised to γ; the counting factor
	 * c = (n(y) + 1)/n(x) stays.
	 */
	@Test
	void probabilityRatioIsRaisedToThePowerAndTheCountingFactorKept() {
		final float[] rates = sharpened(2, 0, 1, 1);
		// voxel 0 (2 particles) +x onto voxel 1 (1 particle): c = 1, ratio 2 -> 4
		assertEquals(4 * R, rate(rates, 0, Direction.PLUS_X, 0), 1e-4);
		// voxel 0 -x onto voxel 2 (empty): c = 1/2, ratio (1/2)/(1/2) = 1 -> stays
		assertEquals(0.5 * R, rate(rates, 0, Direction.MINUS_X, 0), 1e-4);
		// voxel 1 (1 particle) +x onto voxel 2 (empty): c = 1, ratio 2 -> 4
		assertEquals(4 * R, rate(rates, 0, Direction.PLUS_X, 1), 1e-4);
		// voxel 1 -x onto voxel 0 (2 particles): c = 3, ratio 1/6 -> 1/36, rate r·3/36
		assertEquals(R * 3 / 36, rate(rates, 0, Direction.MINUS_X, 1), 1e-4);
		// voxel 2 holds no particle: its rates are left alone
		assertEquals(2 * R, rate(rates, 0, Direction.PLUS_X, 2), 1e-6);
		assertEquals(0, rate(rates, 0, Direction.PLUS_Y, 0));
	}

	@Test
	void itemsBeforeTheGivenTimeKeepTheModelsRates() {
		final float[] rates = sharpened(2, 0.5, 0.7, 0.3);
		assertEquals(4 * R, rate(rates, 0, Direction.PLUS_X, 1), 1e-4);
		assertEquals(2 * R, rate(rates, 1, Direction.PLUS_X, 1), 1e-6);
		assertEquals(0.5 * R, rate(rates, 1, Direction.MINUS_X, 1), 1e-6);
	}

	@Test
	void powerOneKeepsTheRates() {
		final float[] plain = new float[SHAPE.ratesLength()];
		FIXED.rates(SHAPE, COUNTS, new double[] { 1, 1 }, plain);
		assertArrayEquals(plain, sharpened(1, 0, 1, 1));
	}

	/**
	 * The reverse process of p^γ: the count rate of a hop n → n' is the forward rate back F(n' → n)
	 * times (p(n')/p(n))^γ, so a hop and its way back have the odds
	 * (p(n')/p(n))^(2γ) · F(n' → n)/F(n → n').
	 */
	@Test
	void aHopAndItsWayBackHaveTheTemperedOdds() {
		final double gamma = 3;
		final float[] rates = sharpened(gamma, 0, 1, 1);
		// n = (2, 1, 0) -> n' = (1, 2, 0) by voxel 0 +x, back by voxel 1 -x from n'
		final double there = 2 * rate(rates, 0, Direction.PLUS_X, 0);
		final float[] back = new float[SHAPE.ratesLength()];
		new SharpenedRates(FIXED, R, gamma, 0).rates(SHAPE, new float[] { 1, 2, 0, 1, 2, 0 }, new double[] {
			1, 1 }, back);
		final double returning = 2 * rate(back, 0, Direction.MINUS_X, 1);
		// the model's p(n')/p(n) is R/(r·c) = 2 there (c = 1) and 1/2 back (c = 1);
		// F(n' -> n) = r·n'(1) = 2r, F(n -> n') = r·n(0) = 2r
		assertEquals(Math.pow(2, 2 * gamma), there / returning, 1e-3);
	}

	@Test
	void refusesANonPositivePowerNamingTheParameter() {
		final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
			() -> new SharpenedRates(FIXED, R, 0, 0));
		assertTrue(error.getMessage().contains("sharpening"), error.getMessage());
		assertTrue(error.getMessage().contains("0.0"), error.getMessage());
	}
}
