package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDManager;

/** Each head's tensor form, used in training, gives the rates of its value form, used in sampling. */
class RateHeadTest {

	private static final float[] RAW = { -100, -31, -30, -5, -0.5f, 0, 1e-3f, 0.5f, 5, 29, 30, 31, 100 };
	private static final double RATE = 3.5;

	@BeforeAll
	static void engine() {
		DjlRuntime.start(0, line -> {});
	}

	@Test
	void tensorFormMatchesValueForm() {
		for (final RateHead head : RateHead.values()) {
			try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
				final float[] tensor = head.rates(manager.create(RAW), RATE).toFloatArray();
				for (int i = 0; i < RAW.length; i++) {
					final double expected = head.rate(RAW[i], RATE);
					// in float, the tensor softplus's ln(1 + e^-|o|) is 0 once e^-|o| is below 6e-8
					assertEquals(expected, tensor[i], 1e-6 * expected + 1e-12, head + " at " + RAW[i]);
				}
			}
		}
	}
}
