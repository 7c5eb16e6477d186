package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.nn.AllowDownload;
import org.physgen.PhysGenModels;
import org.physgen.model.GenerativeModel;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.PfgmProcess;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.scijava.command.CommandModule;

import ij.ImagePlus;

class GenerateVolumesCommandTest {

	private static HeadlessCommands commands;
	private static File dsd;
	private static File pfgm;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		commands = new HeadlessCommands();
		dsd = TinyModels.dsd().toFile();
		pfgm = TinyModels.pfgm().toFile();
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	private static CommandModule run(final File model, final Object... keyValues) throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("model_file", model);
		inputs.put("device", "cpu");
		inputs.put("threads", 1);
		// the coarsest DSD steps keep the tests fast; counts are exact at any tolerance
		inputs.put("tolerance", 1.0);
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return commands.run(GenerateVolumesCommand.class, inputs);
	}

	@Test
	void dsdVolumesHaveExactCountsAreSavedAndFormOneCalibratedStack() throws Exception {
		final CommandModule module = run(dsd, "count", 2, "size", 8, "fractions", "0.25", "seed", 5L,
			"output_dir", dir.toFile());
		assertFalse(module.isCanceled(), module::getCancelReason);
		for (int i = 1; i <= 2; i++) {
			final LabelVolume saved = VolumeReader.read(dir.resolve("tiny-dsd-5-" + i + ".tif"));
			assertArrayEquals(new long[] { 384, 128 }, saved.phaseCounts(), "volume " + i);
			assertEquals(2.5, saved.voxelSize().z(), 1e-12);
		}
		final String saved = (String) module.getOutput("saved");
		assertEquals(2, saved.lines().count(), saved);
		assertTrue(saved.contains(dir.resolve("tiny-dsd-5-2.tif").toAbsolutePath().toString()), saved);
		final ImagePlus imp = (ImagePlus) module.getOutput("volumes");
		assertEquals(8, imp.getNSlices());
		assertEquals(2, imp.getNFrames());
		assertEquals(1, imp.getNChannels());
		assertEquals(2.5, imp.getCalibration().pixelDepth, 1e-12);
		assertEquals("µm", imp.getCalibration().getUnit());
		long ones = 0;
		for (int s = 9; s <= 16; s++) {
			for (final byte b : (byte[]) imp.getStack().getPixels(s)) ones += b;
		}
		assertEquals(128, ones, "the second frame is the second volume");
		assertEquals(0, imp.getDisplayRangeMin(), "phases 0..1 shown over 0..1, not 0..255 (black)");
		assertEquals(1, imp.getDisplayRangeMax());
		imp.setT(2);
		assertEquals(1, imp.getDisplayRangeMax(), "on every frame");
	}

	@Test
	void defaultFractionsAreTheTrainingMean() throws Exception {
		final CommandModule module = run(dsd, "size_x", 8, "size_y", 16, "size", 8);
		assertFalse(module.isCanceled(), module::getCancelReason);
		final ImagePlus imp = (ImagePlus) module.getOutput("volumes");
		assertEquals(8, imp.getWidth());
		assertEquals(16, imp.getHeight());
		assertEquals(8, imp.getNSlices());
		final double mean;
		try (GenerativeModel model = PhysGenModels.load(dsd.toPath(), "cpu", 1)) {
			mean = model.trainingFractions()[0];
		}
		final long[] counts = ImagePlusVolumes.fromImagePlus(imp).phaseCounts();
		assertEquals(8 * 16 * 8, counts[0] + counts[1]);
		assertEquals(mean * 8 * 16 * 8, counts[1], 1.0);
		assertEquals("", module.getOutput("saved"), "nothing is saved without output_dir");
	}

	@Test
	void pfgmVolumeHasExactCountsAndTheSameSeedRepeats() throws Exception {
		final CommandModule first = run(pfgm, "size", 8, "fractions", "0.3", "steps", 2, "seed", 9L);
		assertFalse(first.isCanceled(), first::getCancelReason);
		final LabelVolume a = ImagePlusVolumes.fromImagePlus((ImagePlus) first.getOutput("volumes"));
		assertArrayEquals(new long[] { 512 - 154, 154 }, a.phaseCounts());
		final CommandModule second = run(pfgm, "size", 8, "fractions", "0.3", "steps", 2, "seed", 9L);
		final LabelVolume b = ImagePlusVolumes.fromImagePlus((ImagePlus) second.getOutput("volumes"));
		for (int z = 0; z < 8; z++) assertArrayEquals(a.slice(z), b.slice(z), "slice " + z);
	}

	@Test
	void pfgmStepsDefaultToTheModelsRecordedSteps() throws Exception {
		final int recorded = ModelBundle.read(pfgm.toPath()).metadata().process(PfgmProcess.class).steps();
		final CommandModule byDefault = run(pfgm, "size", 8, "fractions", "0.3", "seed", 4L);
		assertFalse(byDefault.isCanceled(), byDefault::getCancelReason);
		final CommandModule recordedSteps = run(pfgm, "size", 8, "fractions", "0.3", "seed", 4L, "steps", recorded);
		final LabelVolume a = ImagePlusVolumes.fromImagePlus((ImagePlus) byDefault.getOutput("volumes"));
		final LabelVolume b = ImagePlusVolumes.fromImagePlus((ImagePlus) recordedSteps.getOutput("volumes"));
		for (int z = 0; z < 8; z++) assertArrayEquals(a.slice(z), b.slice(z), "slice " + z);
	}

	/** A bad download setting is the setting's fault, not the model file's, and is named as such. */
	@Test
	void aBadDownloadSettingIsNamedBeforeTheModelIsRead() throws Exception {
		System.setProperty(AllowDownload.PROPERTY, "maybe");
		try {
			final CommandModule module = run(dsd, "size", 8);
			assertTrue(module.isCanceled());
			assertEquals("-Dphysgen.allow_download must be true or false, got 'maybe'", module.getCancelReason());
		}
		finally {
			System.clearProperty(AllowDownload.PROPERTY);
		}
	}

	@Test
	void missingModelNamesTheParameterAndThePath() throws Exception {
		final File missing = dir.resolve("no-such-model.physgen").toFile();
		final CommandModule module = run(missing, "size", 8);
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("model_file"), module.getCancelReason());
		assertTrue(module.getCancelReason().contains(missing.getAbsolutePath()), module.getCancelReason());
		assertNull(module.getOutput("volumes"));
	}

	@Test
	void sizesThatTheNetworkCannotTakeAreRefused() throws Exception {
		final int multiple = TinyModels.sizeMultiple(dsd.toPath());
		assertTrue(multiple > 1, "a U-Net with levels halves the volume");
		final CommandModule odd = run(dsd, "size", 8, "size_z", multiple + 1);
		assertTrue(odd.isCanceled());
		assertTrue(odd.getCancelReason().contains("size_z = " + (multiple + 1)), odd.getCancelReason());
		assertTrue(odd.getCancelReason().contains("multiple of " + multiple), odd.getCancelReason());
		final CommandModule zero = run(dsd, "size", 0);
		assertTrue(zero.isCanceled());
		assertTrue(zero.getCancelReason().contains("size must be at least 1"), zero.getCancelReason());
	}

	@Test
	void impossibleFractionsAreRefusedWithoutWritingFiles() throws Exception {
		for (final String fractions : new String[] { "0.7,0.6", "1.5", "0.2,0.1", "0.0005" }) {
			final CommandModule module = run(dsd, "size", 8, "fractions", fractions, "output_dir", dir.toFile());
			assertTrue(module.isCanceled(), fractions);
			assertTrue(module.getCancelReason().contains("fractions"), module.getCancelReason());
		}
		try (var files = Files.list(dir)) {
			assertEquals(0, files.count());
		}
	}

	@Test
	void weightsCutInHalfAreNamedAsSuch() throws Exception {
		final Path damaged = dir.resolve("half.physgen");
		try (ZipFile zip = new ZipFile(dsd); ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(damaged))) {
			for (final ZipEntry entry : java.util.Collections.list(zip.entries())) {
				byte[] bytes = zip.getInputStream(entry).readAllBytes();
				if (entry.getName().equals("weights.params")) bytes = Arrays.copyOf(bytes, bytes.length / 2);
				out.putNextEntry(new ZipEntry(entry.getName()));
				out.write(bytes);
				out.closeEntry();
			}
		}
		final CommandModule module = run(damaged.toFile(), "size", 8);
		assertTrue(module.isCanceled());
		final String reason = module.getCancelReason();
		assertTrue(reason.startsWith("model_file '" + damaged.toAbsolutePath() + "' could not be read"), reason);
		assertTrue(reason.contains("network weights end before the network configuration"), reason);
		assertTrue(reason.endsWith("is complete: the weights entry is cut short, or belongs to a smaller network"),
			reason);
	}
}
