package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ChurnTest {

	@Test
	void gammaIsSChurnOverStepsCappedAtSqrt2MinusOne() {
		assertEquals(0, Churn.NONE.gamma(1, 18), 0);
		assertEquals(3.0 / 18, Churn.of(3).gamma(1, 18), 1e-15);
		assertEquals(Math.sqrt(2) - 1, Churn.of(9).gamma(1, 18), 1e-15);
	}

	@Test
	void gammaIsZeroOutsideTheChurnRange() {
		final Churn churn = new Churn(3, 0.05, 50, 1.007);
		assertEquals(0, churn.gamma(80, 18), 0);
		assertEquals(0, churn.gamma(0.01, 18), 0);
		assertEquals(3.0 / 18, churn.gamma(50, 18), 1e-15);
	}

	@Test
	void rejectsInvalidSettings() {
		assertThrows(IllegalArgumentException.class, () -> Churn.of(-1));
		assertThrows(IllegalArgumentException.class, () -> new Churn(1, 2, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> new Churn(1, 0, 1, 0));
	}
}
