package org.physgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GenerationProgressTest {

	@Test
	void beforeTheFirstVolumeTheLineSaysWhenTheTimeLeftIsKnown() {
		final GenerationProgress p = new GenerationProgress(0, 8, 0.37, "reverse time 0.0123 of 1 to 0", 120, 80);
		assertEquals(0.37 / 8, p.fraction(), 1e-12);
		assertTrue(Double.isNaN(p.secondsLeft()));
		assertEquals("0 of 8 volumes done, current: reverse time 0.0123 of 1 to 0 (120 network evaluations), " +
			"1 min 20 s elapsed, " +
			"time left known after the first volume", p.describe());
	}

	@Test
	void afterSomeVolumesTheTimeLeftIsExtrapolatedFromThem() {
		final GenerationProgress p = new GenerationProgress(2, 8, 0.5, "step 9 of 18", 40, 100);
		assertEquals(300, p.secondsLeft(), 1e-9);
		assertEquals("2 of 8 volumes done, current: step 9 of 18 (40 network evaluations), 1 min 40 s elapsed, " +
			"about 5 min 0 s left", p.describe());
		assertEquals("8 of 8 volumes done, 7 min 0 s elapsed", new GenerationProgress(8, 8, 0, "", 0, 420)
			.describe());
	}
}
