package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeReader;
import org.physgen.volume.VoxelSize;
import org.scijava.command.CommandModule;

import ij.ImagePlus;

class InpaintRegionCommandTest {

	private static HeadlessCommands commands;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		commands = new HeadlessCommands();
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	private static CommandModule inpaint(final Object... keyValues) throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("device", "cpu");
		inputs.put("threads", 1);
		inputs.put("tolerance", 1.0);
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return commands.run(InpaintRegionCommand.class, inputs);
	}

	private static boolean inBox(final int x, final int y, final int z) {
		return x >= 4 && x < 12 && y >= 2 && y < 10 && z >= 8 && z < 16;
	}

	@Test
	void boxGetsTheGivenCountsAndTheRestStays() throws Exception {
		final LabelVolume original = TinyModels.trainingVolume();
		final File out = dir.resolve("inpainted.tif").toFile();
		final CommandModule module = inpaint("image", ImagePlusVolumes.toImagePlus(TinyModels.trainingVolume(), "rock"),
			"model_file", TinyModels.dsd().toFile(), "box", "4,2,8,8,8,8", "region_counts", "100", "seed", 3L,
			"output_file", out);
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertEquals(1, ((ImagePlus) module.getOutput("inpainted")).getDisplayRangeMax(), "phases 0..1 are visible");
		final LabelVolume result = ImagePlusVolumes.fromImagePlus((ImagePlus) module.getOutput("inpainted"));
		long regionOnes = 0;
		for (int z = 0; z < 16; z++) {
			for (int y = 0; y < 16; y++) {
				for (int x = 0; x < 16; x++) {
					if (inBox(x, y, z)) regionOnes += result.phaseAt(x, y, z);
					else assertEquals(original.phaseAt(x, y, z), result.phaseAt(x, y, z), x + "," + y + "," + z);
				}
			}
		}
		assertEquals(100, regionOnes);
		assertTrue(((String) module.getOutput("region")).endsWith("-> [412, 100]"), (String) module.getOutput("region"));
		assertArrayEquals(result.phaseCounts(), VolumeReader.read(out.toPath()).phaseCounts());
	}

	@Test
	void maskFileRegionKeepsItsCountsByDefault() throws Exception {
		final LabelVolume original = TinyModels.trainingVolume();
		final Path volumeFile = dir.resolve("rock.tif");
		TiffVolumeWriter.write(original, volumeFile);
		final byte[][] mask = new byte[16][256];
		for (int z = 0; z < 16; z++) {
			for (int i = 0; i < 256; i++) mask[z][i] = (byte) ((i % 16 + z) % 5 == 0 ? 1 : 0);
		}
		final Path maskFile = dir.resolve("mask.tif");
		TiffVolumeWriter.write(LabelVolume.fromSlices(mask, 16, 16, PhaseTable.ofGreyValues(0, 255), VoxelSize.DEFAULT),
			maskFile);
		final CommandModule module = inpaint("input_file", volumeFile.toFile(), "model_file", TinyModels.dsd().toFile(),
			"mask_file", maskFile.toFile());
		assertFalse(module.isCanceled(), module::getCancelReason);
		final LabelVolume result = ImagePlusVolumes.fromImagePlus((ImagePlus) module.getOutput("inpainted"));
		final long[] before = new long[2], after = new long[2];
		for (int z = 0; z < 16; z++) {
			for (int i = 0; i < 256; i++) {
				if (mask[z][i] != 0) {
					before[original.slice(z)[i]]++;
					after[result.slice(z)[i]]++;
				}
				else assertEquals(original.slice(z)[i], result.slice(z)[i]);
			}
		}
		assertArrayEquals(before, after);
	}

	@Test
	void pfgmModelIsTheWrongFamily() throws Exception {
		final CommandModule module = inpaint("image", ImagePlusVolumes.toImagePlus(TinyModels.trainingVolume(), "rock"),
			"model_file", TinyModels.pfgm().toFile(), "box", "0,0,0,8,8,8");
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("PFGM++ model, which cannot inpaint; inpainting needs a DSD model"),
			module.getCancelReason());
	}

	@Test
	void impossibleRegionsAndCountsAreRefusedByName() throws Exception {
		final ImagePlus rock = ImagePlusVolumes.toImagePlus(TinyModels.trainingVolume(), "rock");
		final File model = dir.resolve("absent.physgen").toFile();
		final String[][] cases = { { "box", "4,2,8,8,8,9", "z from 8 over 9 voxels leaves the volume" },
			{ "box", "4,2,8", "must be 6 numbers" }, { "region_counts", "600", "cannot fill the region of 512" },
			{ "region_counts", "1,2,3", "lists 3 counts" }, { "region_counts", "0.2", "not a whole number" } };
		for (final String[] bad : cases) {
			final Map<String, Object> inputs = new HashMap<>(Map.of("image", rock, "model_file", model,
				"box", "4,2,8,8,8,8"));
			inputs.put(bad[0], bad[1]);
			final CommandModule module = commands.run(InpaintRegionCommand.class, inputs);
			assertTrue(module.isCanceled(), bad[1]);
			assertTrue(module.getCancelReason().contains(bad[0] + " '" + bad[1] + "'"), module.getCancelReason());
			assertTrue(module.getCancelReason().contains(bad[2]), module.getCancelReason());
		}
		final CommandModule missing = commands.run(InpaintRegionCommand.class, Map.of("image", rock, "model_file",
			model, "box", "4,2,8,8,8,8"));
		assertTrue(missing.getCancelReason().contains("model_file '" + model.getAbsolutePath() + "' does not exist"),
			missing.getCancelReason());
		final CommandModule noRegion = commands.run(InpaintRegionCommand.class, Map.of("image", rock, "model_file",
			model));
		assertTrue(noRegion.getCancelReason().contains("mask_file or box"), noRegion.getCancelReason());
	}
}
