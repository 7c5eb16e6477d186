package org.physgen.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.metrics.report.FidelityRow;
import org.physgen.metrics.report.ReportWriter;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.OutputFiles;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VoxelSize;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;

class FidelityBenchmarkTest {

	/** Spheres of radius 2 as grains in a 24 x 24 x 24 box: nine 8³ cubes per layer. */
	private static LabelVolume beadPack() {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.SPHERES, 24, 24, 24,
			new double[] { 0.6 }, 2, 2, false, 3, VoxelSize.DEFAULT));
	}

	private static BenchmarkSettings settings(final Path volume, final Path output, final String... options) {
		final List<String> all = new ArrayList<>(List.of("size=8", "crop_size=8", "output_dir=" + output));
		all.addAll(List.of(options));
		return BenchmarkSettings.parse(volume, all);
	}

	/** Slices of one z are filled with phase z % 2, so each cube's slices name the z they were cut at. */
	@Test
	void theHeldOutCubesComeFromTheTopSlabAndTheTrainingBlockFromBelowIt() {
		final byte[][] slices = new byte[40][20 * 36];
		for (int z = 0; z < slices.length; z++) java.util.Arrays.fill(slices[z], (byte) (z % 2));
		final LabelVolume volume = LabelVolume.fromSlices(slices, 20, 36, PhaseTable.identity(2), VoxelSize.DEFAULT);
		assertEquals(32, HeldOutSplit.of(volume, 8, 8, 8).heldOutStart(), "2 x 4 cubes per layer: one layer");
		final HeldOutSplit split = HeldOutSplit.of(volume, 8, 12, 8);
		assertEquals(24, split.heldOutStart(), "two layers of 8 slices for 12 cubes");
		assertEquals(16, split.heldOut().size(), "every cube of the slab is held out");
		assertEquals(24, split.training().sizeZ());
		assertEquals(20, split.training().sizeX());
		for (int z = 0; z < 24; z++) assertEquals(z % 2, split.training().phaseAt(3, 5, z));
		for (int i = 0; i < split.heldOut().size(); i++) {
			final int layer = i / 8;
			for (int z = 0; z < 8; z++) {
				assertEquals((24 + 8 * layer + z) % 2, split.heldOut().get(i).phaseAt(1, 2, z), "cube " + i + " slice " + z);
			}
		}
		assertEquals("16 disjoint 8³ cubes of the held-out slab z 24..39; training block 20 x 36 x 24 (z 0..23)",
			split.describe());
		assertEquals(8, split.trainingCubes(8, 8).size());
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HeldOutSplit.of(volume, 8,
			36, 8));
		assertTrue(e.getMessage().startsWith("held_out = 36 cubes of size 8 need a slab 40 slices thick, leaving 0"),
			e.getMessage());
	}

	@Test
	void badSettingsNameTheParameterAndValue(@TempDir final Path folder) throws IOException {
		final Path volume = folder.resolve("rock.tif");
		assertEquals("held_out must be at least 8, got 4", assertThrows(IllegalArgumentException.class,
			() -> settings(volume, folder, "held_out=4")).getMessage());
		assertEquals("size must be a multiple of 4, at least 8, got 18", assertThrows(IllegalArgumentException.class,
			() -> settings(volume, folder, "size=18")).getMessage());
		assertEquals("channels must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
			() -> settings(volume, folder, "channels=0")).getMessage());
		assertEquals("steps must be a whole number, got 'many'", assertThrows(IllegalArgumentException.class,
			() -> settings(volume, folder, "steps=many")).getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(volume, folder, "families=gan"))
			.getMessage().startsWith("families must be family keys joined by + (dsd, pfgmpp, ldsm, yukawa, e.g. dsd+pfgmpp) or none, got 'gan'"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(volume, folder, "sizes=8"))
			.getMessage().startsWith("unknown option 'sizes=8'"));
		assertEquals("sharpening must be in [1, 10], got 0.5", assertThrows(IllegalArgumentException.class,
			() -> settings(volume, folder, "sharpening=0.5")).getMessage());
		final Path missing = folder.resolve("none.physgen");
		assertEquals("model_file must be a trained model file, got " + missing + " (no such file)", assertThrows(
			IllegalArgumentException.class, () -> settings(volume, folder, "model_file=" + missing)).getMessage());
		final Path notModel = Files.writeString(folder.resolve("notes.physgen"), "not a model");
		assertEquals("model_file must be a trained model file, got " + notModel + " (not a PhysGen model bundle)",
			assertThrows(IllegalArgumentException.class, () -> settings(volume, folder, "model_file=" + notModel))
				.getMessage());
		assertTrue(assertThrows(IllegalArgumentException.class, () -> settings(volume, folder, "families=dsd",
			"model_file=" + missing)).getMessage().startsWith("give either families (to train) or model_file"));
	}

	@Test
	void anUnknownPoreGreyValueIsRefusedBeforeAnyTraining(@TempDir final Path folder) throws IOException {
		final Path volume = folder.resolve("beads.tif");
		TiffVolumeWriter.write(beadPack(), volume);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FidelityBenchmark.run(
			settings(volume, folder.resolve("out"), "pore=7"), line -> {}));
		assertTrue(e.getMessage().startsWith("pore must be one of the volume's grey values, got 7"), e.getMessage());
	}

	/**
	 * A tiny run on a bead pack: both families trained for a few steps at width 4. The table, the
	 * picture and each method's fidelity.csv are written, and cubes of the same bead pack match the
	 * held-out ones on every statistic defined at 8³.
	 */
	@Test
	void aTinyRunWritesTheTablePictureAndCsvsAndRealCubesMatch(@TempDir final Path folder) throws IOException {
		final Path volume = folder.resolve("beads.tif");
		TiffVolumeWriter.write(beadPack(), volume);
		final Path output = folder.resolve("out");
		final List<String> log = new ArrayList<>();
		final FidelityBenchmark.Result result = FidelityBenchmark.run(settings(volume, output, "steps=3", "channels=4",
			"batch=8", "threads=1", "minutes=5"), log::add);
		final String table = Files.readString(result.table());
		assertTrue(table.contains("| statistic | unit | held-out mean ± sd | z real vs real | z Gaussian field | z DSD "
			+ "| z PFGM++ |"), table);
		assertTrue(table.contains("| **matched (\\|z\\| ≤ 2)** |"), table);
		assertTrue(table.contains("| repaired fraction (DSD, Yukawa) |"), table);
		assertTrue(OutputFiles.isPng(result.picture()));
		for (final String key : List.of("real", "gaussian-field", "dsd", "pfgmpp")) {
			assertTrue(Files.readString(output.resolve(key).resolve("fidelity.csv")).startsWith(
				ReportWriter.FIDELITY_COLUMNS + "\n"), key);
		}
		assertEquals(9, result.split().heldOut().size());
		final MethodResult real = result.methods().get(0);
		int defined = 0;
		for (final FidelityRow row : real.fidelity().rows()) {
			if (Double.isNaN(row.z())) continue;
			defined++;
			assertTrue(Math.abs(row.z()) <= 2, row.statistic() + ": z = " + row.z());
		}
		assertEquals(11, defined, "S2 at r = 10 is not defined on 8³ cubes");
		assertEquals(defined, real.fidelity().matched(), table);
		final MethodResult dsd = result.methods().get(2);
		assertEquals(3, dsd.trainingSteps());
		assertEquals(8, dsd.volumes().size());
		assertTrue(dsd.repairedFraction() >= 0 && dsd.evaluationsPerVolume() > 0, table);
		assertTrue(result.methods().get(3).projectionChangedFraction() >= 0, table);

		final FidelityBenchmark.Result again = FidelityBenchmark.run(settings(volume, folder.resolve("again"),
			"batch=8", "threads=1", "model_file=" + output.resolve("dsd").resolve("model.physgen")), log::add);
		assertEquals(3, again.methods().size(), "real, Gaussian field and the given model; nothing trained");
		final MethodResult given = again.methods().get(2);
		assertEquals("DSD", given.name());
		assertEquals(3, given.trainingSteps());
		assertTrue(Double.isNaN(given.trainingMinutes()));
		for (int i = 0; i < dsd.volumes().size(); i++) {
			assertTrue(Arrays.deepEquals(dsd.volumes().get(i).slices(), given.volumes().get(i).slices()),
				"the given model, seed and sharpening make the trained run's volume " + i);
		}
		final String sharper = Files.readString(FidelityBenchmark.run(settings(volume, folder.resolve("sharper"),
			"batch=8", "threads=1", "sharpening=3", "model_file=" + output.resolve("dsd").resolve("model.physgen")),
			log::add).table());
		assertTrue(sharper.contains("sharpening=3.0") && sharper.contains(" model_file="), sharper);
		assertTrue(!sharper.contains("steps=") && !sharper.contains("crop_size="), "no training settings: " + sharper);
	}
}
