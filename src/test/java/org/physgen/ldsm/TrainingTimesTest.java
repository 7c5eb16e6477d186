package org.physgen.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Both time samplings span [δ, T − δ]; their medians tell them apart. */
class TrainingTimesTest {

	@Test
	void logUniformAndUniformCoverTheSameIntervalWithTheirOwnMedian() {
		final TrainingTimes log = new TrainingTimes(0.01, 8, TimeSampling.LOG_UNIFORM);
		final TrainingTimes uniform = new TrainingTimes(0.01, 8, TimeSampling.UNIFORM);
		for (final TrainingTimes times : new TrainingTimes[] { log, uniform }) {
			assertEquals(0.01, times.quantile(0), 1e-12);
			assertEquals(7.99, times.quantile(1), 1e-12);
		}
		assertEquals(Math.sqrt(0.01 * 7.99), log.quantile(0.5), 1e-12);
		assertEquals(4, uniform.quantile(0.5), 1e-12);
	}

	@Test
	void anUnknownSamplingIsRefusedNamingTheKey() {
		assertEquals("time_sampling must be 'log-uniform' or 'uniform', got 'cosine'", assertThrows(
			IllegalArgumentException.class, () -> TimeSampling.parse("cosine")).getMessage());
	}
}
