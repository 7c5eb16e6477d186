package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SigmaGridTest {

	@Test
	void edmGridRunsFromSigmaMaxToSigmaMinThenZero() {
		final SigmaGrid grid = SigmaGrid.edm(18);
		assertEquals(80, grid.sigma(0), 1e-12);
		assertEquals(0.002, grid.sigma(17), 1e-15);
		assertEquals(0, grid.sigma(18), 0);
		assertEquals(35, grid.evaluations());
		for (int i = 0; i < 18; i++) assertTrue(grid.sigma(i + 1) < grid.sigma(i));
		// sigma^(1/7) is evenly spaced
		final double step = Math.pow(80, 1 / 7.0) - Math.pow(0.002, 1 / 7.0);
		for (int i = 0; i < 17; i++) {
			assertEquals(step / 17, Math.pow(grid.sigma(i), 1 / 7.0) - Math.pow(grid.sigma(i + 1), 1
				/ 7.0), 1e-12);
		}
	}

	@Test
	void singleStepGoesFromSigmaMaxToZero() {
		final SigmaGrid grid = SigmaGrid.edm(1);
		assertEquals(80, grid.sigma(0), 0);
		assertEquals(0, grid.sigma(1), 0);
		assertEquals(1, grid.evaluations());
	}

	@Test
	void rejectsInvalidGrids() {
		assertThrows(IllegalArgumentException.class, () -> SigmaGrid.edm(0));
		assertThrows(IllegalArgumentException.class, () -> new SigmaGrid(5, 1, 0.5, 7));
		assertThrows(IllegalArgumentException.class, () -> new SigmaGrid(5, 0, 80, 7));
		assertThrows(IndexOutOfBoundsException.class, () -> SigmaGrid.edm(5).sigma(6));
	}
}
