package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;

/**
 * The reference values of ../shared/data/README.md (whole volume, no edge correction); skipped when the
 * shared data folder is absent. Real-valued references are compared at their printed precision.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsAReferenceDataTest {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private static final Path DATA = Path.of("..", "shared", "data");
	private static final int Z = 2;
	private static final int PORE = 0;
	private static final int GRAIN = 1;
	private static final int NMC = 1;
	private static final int CBD = 2;

	private LabelVolume ketton;
	private LabelVolume electrode;

	private LabelVolume ketton() {
		if (ketton == null) ketton = read("ketton/ketton.zip");
		return ketton;
	}

	private LabelVolume electrode() {
		if (electrode == null) electrode = read("electrode/electrode.tiff");
		return electrode;
	}

	private static LabelVolume read(final String relative) {
		final Path file = DATA.resolve(relative);
		assumeTrue(Files.isRegularFile(file), "shared test data not found at " + file.toAbsolutePath()
			+ " - skipping the README reference values");
		try {
			return VolumeReader.read(file);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@Test
	void phaseFractions() {
		final PhaseFractions k = PhaseFractions.of(ketton());
		assertEquals(2_128_392, k.count(PORE));
		assertEquals(256L * 256 * 256 - 2_128_392, k.count(GRAIN));
		assertEquals(0.126862, round(k.fraction(PORE), 6));
		final PhaseFractions e = PhaseFractions.of(electrode());
		assertArrayEquals(new double[] { 0.449917, 0.400466, 0.149616 }, new double[] { round(e.fraction(0), 6),
			round(e.fraction(1), 6), round(e.fraction(2), 6) });
	}

	@Test
	void directionalS2AlongZ() {
		assertS2(ketton(), PORE, 0.126862, 0.109027, 0.094193, 0.081682, 0.071046, 0.061949, 0.032375,
			0.012408);
		assertS2(electrode(), PORE, 0.449917, 0.399369, 0.364214, 0.347537, 0.332960, 0.315196, 0.249236,
			0.198603);
		assertS2(electrode(), NMC, 0.400466, 0.376514, 0.353632, 0.331763, 0.310638, 0.290292, 0.207077,
			0.154663);
		assertS2(electrode(), CBD, 0.149616, 0.092847, 0.057594, 0.044454, 0.036615, 0.029239, 0.023320,
			0.022904);
	}

	private static void assertS2(final LabelVolume v, final int phase, final double... expected) {
		final double[] s2 = TwoPointCorrelation.directional(v, phase, 20).curve(Z);
		final double[] actual = { s2[0], s2[1], s2[2], s2[3], s2[4], s2[5], s2[10], s2[20] };
		assertArrayEquals(expected, round(actual, 6), "S2 along z of phase " + phase);
	}

	@Test
	void periodicRadialS2() {
		final TwoPointCorrelation.Radial radial = TwoPointCorrelation.radialPeriodic(ketton(), PORE, 5);
		assertArrayEquals(new double[] { 0.126862, 0.105740, 0.092658, 0.082165, 0.072936, 0.064021 },
			round(radial.values(), 6));
		assertEquals(1, radial.shifts()[0]);
		assertEquals(18, radial.shifts()[1]);
	}

	@Test
	void linealPathAlongZ() {
		assertArrayEquals(new double[] { 0.126862, 0.109027, 0.093575, 0.080420, 0.069188, 0.059550, 0.051275,
			0.044130 }, round(LinealPath.of(ketton(), PORE, 8).curve(Z), 6));
		assertArrayEquals(new double[] { 0.149616, 0.092847, 0.053525, 0.031666, 0.018783, 0.011115, 0.006760,
			0.004203 }, round(LinealPath.of(electrode(), CBD, 8).curve(Z), 6));
	}

	@Test
	void meanChordsAlongZ() {
		assertEquals(6.90, round(ChordLengths.of(ketton(), PORE).mean(Z), 2));
		assertEquals(42.05, round(ChordLengths.of(ketton(), GRAIN).mean(Z), 2));
		assertEquals(8.36, round(ChordLengths.of(electrode(), PORE).mean(Z), 2));
		assertEquals(16.27, round(ChordLengths.of(electrode(), NMC).mean(Z), 2));
		assertEquals(2.62, round(ChordLengths.of(electrode(), CBD).mean(Z), 2));
	}

	@Test
	void specificSurfaceByFaces() {
		assertEquals(0.09821, round(SpecificSurface.of(ketton(), PORE).facesPerVoxel(), 5));
		assertEquals(0.30684, round(SpecificSurface.of(electrode(), PORE).facesPerVoxel(), 5));
		assertEquals(0.14610, round(SpecificSurface.of(electrode(), NMC).facesPerVoxel(), 5));
		assertEquals(0.34223, round(SpecificSurface.of(electrode(), CBD).facesPerVoxel(), 5));
	}

	@Test
	void eulerCharacteristics() {
		assertChi(ketton(), PORE, -2565, -3546);
		assertChi(ketton(), GRAIN, -3818, -2965);
		assertChi(electrode(), PORE, -34870, -32036);
		assertChi(electrode(), NMC, -374, -370);
		assertChi(electrode(), CBD, -53225, -65767);
	}

	private static void assertChi(final LabelVolume v, final int phase, final long chi6, final long chi26) {
		final EulerCharacteristic chi = EulerCharacteristic.of(v, phase);
		assertEquals(chi6, chi.chi6(), "chi6 of phase " + phase);
		assertEquals(chi26, chi.chi26(), "chi26 of phase " + phase);
	}

	private static double round(final double value, final int decimals) {
		final double scale = Math.pow(10, decimals);
		return Math.round(value * scale) / scale;
	}

	private static double[] round(final double[] values, final int decimals) {
		final double[] r = new double[values.length];
		for (int i = 0; i < r.length; i++) r[i] = round(values[i], decimals);
		return r;
	}
}
