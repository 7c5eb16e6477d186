package org.physgen.yukawa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physgen.random.RandomStreams;

class DeathTimesTest {

	@Test
	void survivalRunsFromOneToZeroWithItsDeathDensity() {
		for (final SurvivalShape s : SurvivalShape.values()) {
			assertEquals(1, s.at(0), 1e-15, s.label());
			assertEquals(0, s.at(1), 1e-15, s.label());
			for (double t = 0.05; t < 1; t += 0.1) {
				final double h = 1e-6;
				assertEquals(-(s.at(t + h) - s.at(t - h)) / (2 * h), s.deathDensity(t), 1e-6, s.label() + " at " + t);
				assertEquals(t, s.deathTime(1 - s.at(t)), 1e-12, s.label() + " inverse at " + t);
			}
			assertEquals(s, SurvivalShape.parse(" " + s.label().toUpperCase() + " "));
		}
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SurvivalShape.parse("cubic"));
		assertEquals("survival must be 'linear' or 'blackout', got 'cubic'", e.getMessage());
	}

	/** SPEC 13 oracle 4: the drawn death times follow 1 − S (Kolmogorov-Smirnov, 99 % level). */
	@Test
	void deathTimesFollowTheSurvival() {
		final int n = 20000;
		for (final SurvivalShape s : SurvivalShape.values()) {
			final double[] times = DeathTimes.draw(s, n, RandomStreams.of(3, s.ordinal()));
			Arrays.sort(times);
			double d = 0;
			for (int i = 0; i < n; i++) {
				final double cdf = 1 - s.at(times[i]);
				d = Math.max(d, Math.max(cdf - i / (double) n, (i + 1) / (double) n - cdf));
			}
			assertTrue(d < 1.63 / Math.sqrt(n), s.label() + ": KS distance " + d);
			final double[] reverse = DeathTimes.reverseOrder(s, 100, RandomStreams.of(4));
			for (int i = 1; i < reverse.length; i++) assertTrue(reverse[i] <= reverse[i - 1]);
		}
	}
}
