package org.physgen.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ScheduleTest {

	@Test
	void blackoutReferenceValues() {
		final Schedule s = Schedule.defaultSchedule();
		assertEquals(ScheduleKind.BLACKOUT, s.kind());
		assertEquals(2000, s.steps());
		assertEquals(0, s.time(0));
		assertEquals(2.212950e-4, s.time(1), 5e-11);
		assertEquals(0.0302899, s.time(1000), 5e-8);
		assertEquals(1.0, s.time(1999), 1e-14);
	}

	@Test
	void closedFormShapes() {
		final int t = 101;
		assertEquals(0.3, new Schedule(ScheduleKind.LINEAR, t).time(30), 1e-15);
		assertEquals(0.09, new Schedule(ScheduleKind.QUADRATIC, t).time(30), 1e-15);
		assertEquals(Math.pow(0.3, 5), new Schedule(ScheduleKind.POWER5, t).time(30), 1e-15);
		assertEquals(Math.pow(1e-5, 0.7), new Schedule(ScheduleKind.EXP, t).time(30), 1e-15);
		final double c = Math.cos((0.7 + 0.008) / 1.008 * Math.PI / 2);
		assertEquals(c * c, new Schedule(ScheduleKind.COSINE, t).time(30), 1e-15);
		assertEquals(0, new Schedule(ScheduleKind.EXP, t).time(0));
		assertEquals(1, new Schedule(ScheduleKind.EXP, t).finalTime(), 1e-15);
	}

	@Test
	void timesIncreaseAndMapsRoundTrip() {
		for (final ScheduleKind kind : ScheduleKind.values()) {
			for (final int steps : new int[] { 3, 50, 2000 }) {
				final Schedule s = new Schedule(kind, steps);
				for (int k = 1; k < steps; k++) {
					assertTrue(s.delta(k) > 0, kind + " k=" + k);
					assertEquals(s.time(k), s.physicalTime(s.networkTime(k)), 1e-15);
					assertEquals(s.networkTime(k), s.networkTimeOf(s.time(k)), 1e-12, kind + " k=" + k);
				}
				for (int i = 0; i <= 1000; i++) {
					final double net = i / 1000.0;
					assertEquals(net, s.networkTimeOf(s.physicalTime(net)), 1e-12, kind + " s=" + net);
					final double phys = s.finalTime() * i / 1000.0;
					assertEquals(phys, s.physicalTime(s.networkTimeOf(phys)), 1e-12, kind + " t=" + phys);
				}
			}
		}
	}

	@Test
	void parsesNamesAndRejectsTooFewSteps() {
		assertEquals(ScheduleKind.POWER7, ScheduleKind.parse("Power7"));
		assertEquals(Boundary.REFLECTING, Boundary.parse(" reflecting"));
		assertThrows(IllegalArgumentException.class, () -> ScheduleKind.parse("sigmoid"));
		assertThrows(IllegalArgumentException.class, () -> new Schedule(ScheduleKind.BLACKOUT, 2));
	}
}
