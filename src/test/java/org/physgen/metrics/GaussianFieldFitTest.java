package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physgen.synth.GaussianFieldCorrelation;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

class GaussianFieldFitTest {

	private static LabelVolume field(final int size, final double length, final long seed, final double... fractions) {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, size, size, size,
			fractions, length, 6, false, seed, VoxelSize.isotropic(1, "pixel")));
	}

	@Test
	void exactS2MatchesGeneratedFieldsOfThreePhases() {
		// the mean over 4 fields of 48^3 has a noise sd of at most 0.013 here (largest at long lags)
		final int size = 48, rMax = 12, seeds = 4;
		final double[] fractions = { 0.3, 0.2 };
		final double[][] exact = new GaussianFieldCorrelation(size, size, size, false, fractions).normalised(3, rMax);
		final double[][] generated = new double[2][rMax + 1];
		for (int s = 1; s <= seeds; s++) {
			final LabelVolume volume = field(size, 3, s, fractions);
			for (int p = 1; p <= 2; p++) {
				final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(volume, p, rMax);
				for (int r = 1; r <= rMax; r++) generated[p - 1][r] += s2.normalised(r) / seeds;
			}
		}
		for (int p = 0; p < 2; p++) {
			generated[p][0] = 1;
			assertArrayEquals(exact[p], generated[p], 0.02, "phase " + (p + 1));
		}
		assertEquals(0.782, exact[0][1], 0.001, "phase 1, r = 1");
		assertEquals(0.423, exact[1][1], 0.001, "phase 2, r = 1");
	}

	@Test
	void fitsBackTheLengthOfAShortField() {
		final GaussianFieldFit fit = GaussianFieldFit.fit("reference", field(48, 3, 1, 0.2), 48, 48, 48, false, null);
		assertEquals(3, fit.correlationLength(), 0.15);
		assertEquals(12, fit.rMax());
		assertTrue(fit.residual() < 0.02, () -> "residual " + fit.residual());
	}

	@Test
	void fitsBackTheLengthOfALongField() {
		// one 64^3 realisation of l = 8 holds few independent blobs: single fits scatter by about 8 %
		double mean = 0;
		for (long seed = 1; seed <= 3; seed++) {
			final double length = GaussianFieldFit.fit("reference", field(64, 8, seed, 0.2), 64, 64, 64, false, null)
				.correlationLength();
			assertEquals(8, length, 0.9, "seed " + seed);
			mean += length / 3;
		}
		assertEquals(8, mean, 0.4);
	}

	@Test
	void takesTheReferenceFractionsFromItsExactCounts() {
		final LabelVolume reference = field(24, 2, 3, 0.25, 0.1);
		final GaussianFieldFit fit = GaussianFieldFit.fit("reference", reference, 24, 24, 24, false, null);
		final long n = 24 * 24 * 24;
		assertArrayEquals(new double[] { Math.round(0.25 * n) / (double) n, Math.round(0.1 * n) / (double) n },
			fit.fractions(), 1e-15);
	}

	@Test
	void refusesReferencesAFieldCannotBeFittedTo() {
		final LabelVolume emptyPhase = LabelVolume.create(16, 16, 16, PhaseTable.identity(2), VoxelSize.isotropic(1, "pixel"));
		assertTrue(assertThrows(IllegalArgumentException.class,
			() -> GaussianFieldFit.fit("image", emptyPhase, 16, 16, 16, false, null)).getMessage()
				.contains("image: phase 1"));
		final LabelVolume binary = field(16, 2, 1, 0.3);
		assertTrue(assertThrows(IllegalArgumentException.class,
			() -> GaussianFieldFit.fit("image", binary, 16, 16, 16, false, new double[] { 0.2, 0.1 })).getMessage()
				.contains("fractions [0.2, 0.1] describe 3 phases, but the reference (image) has 2"));
		assertTrue(assertThrows(IllegalArgumentException.class,
			() -> GaussianFieldFit.fit("image", binary, 3, 16, 16, false, null)).getMessage()
				.contains("the smallest is 3"));
	}
}
