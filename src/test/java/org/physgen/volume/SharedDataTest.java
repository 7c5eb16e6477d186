package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

/** The real and synthetic reference volumes of ../shared/data (skipped when absent). */
class SharedDataTest {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private static final Path DATA = Path.of("..", "shared", "data");
	private static final long N = 256L * 256 * 256;

	private static Path data(final String relative) {
		final Path file = DATA.resolve(relative);
		assumeTrue(Files.isRegularFile(file), "shared test data not found at " + file.toAbsolutePath()
			+ " - skipping");
		return file;
	}

	@Test
	void kettonFromZip() throws IOException {
		final LabelVolume ketton = VolumeReader.read(data("ketton/ketton.zip"));
		assertEquals(256, ketton.sizeX());
		assertEquals(256, ketton.sizeY());
		assertEquals(256, ketton.sizeZ());
		assertEquals(PhaseTable.ofGreyValues(0, 255), ketton.phases());
		final long[] counts = ketton.phaseCounts();
		assertEquals(2, counts.length);
		assertEquals(2_128_392, counts[0], "pore voxels (grey 0)");
		assertEquals(N - 2_128_392, counts[1]);
	}

	@Test
	void electrodeDeflateCompressed() throws IOException {
		final LabelVolume electrode = VolumeReader.read(data("electrode/electrode.tiff"));
		assertEquals(256, electrode.sizeX());
		assertEquals(256, electrode.sizeY());
		assertEquals(256, electrode.sizeZ());
		assertEquals(PhaseTable.ofGreyValues(0, 85, 170), electrode.phases());
		final long[] counts = electrode.phaseCounts();
		final double[] fractions = { 0.449917, 0.400466, 0.149616 };
		long total = 0;
		for (int p = 0; p < 3; p++) {
			// the README gives 6 decimals, i.e. counts to within 0.5e-6 * N (8 voxels)
			final double fraction = counts[p] / (double) N;
			assertEquals(fractions[p], Math.round(fraction * 1e6) / 1e6, 1e-12, "phase " + p + ": "
				+ counts[p] + " voxels, fraction " + fraction);
			total += counts[p];
		}
		assertEquals(N, total);
	}
}
