package org.physgen.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physgen.model.VolumeReport.Correction;

class VolumeReportTest {

	@Test
	void logLinesNameTheCorrectionOfEachFamily() {
		assertEquals("volume 3: 532 network evaluations, repaired fraction 0.0002",
			new VolumeReport(3, 532, Correction.REPAIRED, 0.00021).describe());
		assertEquals("volume 1: 35 network evaluations, projection changed 0.0110 of the voxels",
			new VolumeReport(1, 35, Correction.PROJECTED, 0.011).describe());
	}

	@Test
	void aListenerGetsTheReportBeforeItsLogLine() {
		final List<Object> received = new ArrayList<>();
		final VolumeReport report = new VolumeReport(2, 18, Correction.PROJECTED, 0.5);
		report.sendTo(new GenerationListener() {

			@Override
			public void volumeFinished(final VolumeReport r) {
				received.add(r);
			}

			@Override
			public void log(final String message) {
				received.add(message);
			}
		});
		assertEquals(List.of(report, "volume 2: 18 network evaluations, projection changed 0.5000 of the voxels"),
			received);
	}
}
