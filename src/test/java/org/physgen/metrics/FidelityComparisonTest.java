package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.FidelityRow;
import org.physgen.metrics.report.GridSize;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

class FidelityComparisonTest {

	private static final GridSize CUBE = new GridSize(16, 16, 16);

	private static LabelVolume gaussian(final int size, final long seed) {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, size, size, size,
			new double[] { 0.6 }, 2, 3, false, seed, VoxelSize.DEFAULT));
	}

	/** Spheres of radius 5 as grains, labelled like the Gaussian field: phase 0 solid, phase 1 pore. */
	private static LabelVolume beadPack(final int size, final long seed) {
		final LabelVolume spheres = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.SPHERES, size,
			size, size, new double[] { 0.4 }, 2, 5, false, seed, VoxelSize.DEFAULT));
		final byte[][] slices = spheres.slices();
		for (final byte[] slice : slices) {
			for (int i = 0; i < slice.length; i++) slice[i] = (byte) (1 - slice[i]);
		}
		return LabelVolume.fromSlices(slices, size, size, PhaseTable.named("solid", "pore"), VoxelSize.DEFAULT);
	}

	private static Map<String, FidelityRow> rows(final Fidelity fidelity) {
		return fidelity.rows().stream().collect(Collectors.toMap(FidelityRow::statistic, Function.identity()));
	}

	@Test
	void subVolumesAreDisjointBlocksCutFromTheOrigin() {
		final LabelVolume volume = MetricsATestVolumes.random(40, 36, 20, new double[] { 0.5, 0.5 }, 7);
		final List<LabelVolume> blocks = FidelityComparison.subVolumes(volume, CUBE);
		assertEquals(4, blocks.size(), "2 x 2 x 1 blocks fit; the remainder is left out");
		final LabelVolume last = blocks.get(3);
		assertEquals(CUBE, FidelityComparison.sizeOf(last));
		for (int z = 0; z < 16; z += 5) {
			for (int y = 0; y < 16; y += 3) {
				for (int x = 0; x < 16; x += 2) assertEquals(volume.phaseAt(16 + x, 16 + y, z), last.phaseAt(x, y, z));
			}
		}
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FidelityComparison
			.subVolumes(volume, new GridSize(16, 16, 32)));
		assertEquals("a sub-volume of 16 x 16 x 32 voxels does not fit in the reference of 40 x 36 x 20 voxels",
			e.getMessage());
	}

	/**
	 * The twelve statistics of SPEC §14 for a two-phase volume, all intensive; the pore phase is the one
	 * named "pore" (phase 1 of a Gaussian field) and the solid fraction, one minus the porosity, is not
	 * repeated.
	 */
	@Test
	void theStatisticsAreTheIntensiveOnesOfTheSpecification() {
		final LabelVolume volume = gaussian(16, 1);
		final List<String> keys = FidelityStatistics.measure(volume, () -> false).stream().map(s -> s.key()).toList();
		assertEquals(List.of("volume fraction [pore]", "specific surface, face count [pore]",
			"Euler characteristic chi26 per volume [pore]", "normalised S2 at r = 2 voxels [pore]",
			"normalised S2 at r = 5 voxels [pore]", "normalised S2 at r = 10 voxels [pore]",
			"spanning fraction (6-connected) [pore]", "mean chord length [solid]", "mean chord length [pore]",
			"mean local thickness [solid]", "mean local thickness [pore]", "tortuosity factor [pore]"), keys);
	}

	/** Generated volumes that are the reference's own sub-volumes have its means exactly: z = 0. */
	@Test
	void aVolumeAgainstItsOwnSubVolumesHasZeroZ() {
		final List<LabelVolume> blocks = FidelityComparison.subVolumes(gaussian(32, 3), CUBE);
		final Fidelity fidelity = FidelityComparison.compare(blocks, blocks, "8 sub-volumes", () -> false);
		assertEquals(8, fidelity.referenceVolumes());
		for (final FidelityRow row : fidelity.rows()) {
			assertEquals(0, row.z(), 1e-9, row.statistic());
			assertEquals(8, row.generatedCount(), row.statistic());
		}
		assertEquals("12 of 12 statistics within natural variability (|z| <= 2) of 8 sub-volumes", fidelity.headline());
	}

	/** Another realisation of the same generator is the same material: every statistic within 2 sd. */
	@Test
	void anotherSeedOfTheSameFieldIsWithinNaturalVariability() {
		final List<LabelVolume> reference = FidelityComparison.subVolumes(gaussian(32, 11), CUBE);
		final List<LabelVolume> generated = List.of(gaussian(16, 21), gaussian(16, 22), gaussian(16, 23), gaussian(16,
			24));
		final Fidelity fidelity = FidelityComparison.compare(reference, generated, "reference", () -> false);
		for (final FidelityRow row : fidelity.rows()) {
			assertTrue(row.within(), () -> row.statistic() + ": z = " + row.z());
		}
		assertEquals(12, fidelity.matched());
	}

	/**
	 * Spheres of radius 5 against a field with correlation length 2 at the same porosity: the grains
	 * are longer and thicker, the surface smaller and S2 decays slower (z of 4 to 25; the pore chords,
	 * cut short by the 16-voxel edges, happen to agree).
	 */
	@Test
	void aBeadPackIsNotAGaussianField() {
		final List<LabelVolume> reference = FidelityComparison.subVolumes(gaussian(32, 5), CUBE);
		final List<LabelVolume> beads = List.of(beadPack(16, 1), beadPack(16, 2), beadPack(16, 3));
		final Map<String, FidelityRow> rows = rows(FidelityComparison.compare(reference, beads, "field", () -> false));
		for (final String statistic : List.of("mean chord length [solid]", "mean local thickness [solid]",
			"specific surface, face count [pore]", "normalised S2 at r = 2 voxels [pore]",
			"normalised S2 at r = 5 voxels [pore]")) {
			assertTrue(Math.abs(rows.get(statistic).z()) > 2, () -> statistic + ": z = " + rows.get(statistic).z());
		}
		assertTrue(rows.get("volume fraction [pore]").within(), "the porosity is set equal");
	}

	@Test
	void volumesOfAnotherSizeAreRefused() {
		final List<LabelVolume> reference = FidelityComparison.subVolumes(gaussian(32, 5), CUBE);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FidelityComparison
			.compare(reference, List.of(gaussian(32, 1)), "field", () -> false));
		assertEquals("volumes compared for natural spread must have one size: 16 x 16 x 16 and 32 x 32 x 32",
			e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> FidelityComparison.compare(reference.subList(0, 1),
			reference, "one", () -> false));
	}

	@Test
	void zWithoutSpreadIsZeroForEqualMeansAndInfiniteOtherwise() {
		assertEquals(1.5, new FidelityRow("s", "", 1, 2, 8, 4, 1, 3).z(), 1e-12);
		assertFalse(new FidelityRow("s", "", 1, 2, 8, 6, 1, 3).within());
		assertEquals(0, new FidelityRow("s", "", 0.5, 0, 8, 0.5, 0, 3).z());
		assertTrue(new FidelityRow("s", "", 0.5, 0, 8, 0.5, 0, 3).within());
		assertEquals(Double.POSITIVE_INFINITY, new FidelityRow("s", "", 0.5, 0, 8, 0.6, 0, 3).z());
		assertEquals(Double.NEGATIVE_INFINITY, new FidelityRow("s", "", 0.5, 0, 8, 0.4, 0, 3).z());
		assertFalse(new FidelityRow("s", "", 0.5, 0, 8, 0.4, 0, 3).within());
		final FidelityRow undefined = new FidelityRow("s", "", Double.NaN, Double.NaN, 0, 2, 1, 3);
		assertTrue(Double.isNaN(undefined.z()));
		assertFalse(undefined.within(), "no reference value: not within");
	}
}
