package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.scijava.command.CommandModule;

import ij.IJ;
import ij.ImagePlus;

/** Generate Volumes with {@code frames}: each Yukawa volume's growth as a hyperstack and a TIFF beside it. */
class GrowthFramesCommandTest {

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

	private static CommandModule run(final Path model, final Object... keyValues) throws Exception {
		final Object[] all = new Object[keyValues.length + 12];
		System.arraycopy(new Object[] { "model_file", model.toFile(), "device", "cpu", "threads", 1, "size", 8,
			"fractions", "0.25", "seed", 5L }, 0, all, 0, 12);
		System.arraycopy(keyValues, 0, all, 12, keyValues.length);
		return commands.run(GenerateVolumesCommand.class, all);
	}

	@Test
	void eachVolumeGetsACalibratedGrowthHyperstackAndFile() throws Exception {
		final Path foreign = dir.resolve("tiny-yukawa-5-2-growth.tif");
		Files.writeString(foreign, "someone else's file");
		final CommandModule module = run(TinyModels.yukawa(), "count", 2, "frames", 5, "output_dir", dir.toFile());
		assertFalse(module.isCanceled(), module::getCancelReason);
		@SuppressWarnings("unchecked")
		final List<ImagePlus> growth = (List<ImagePlus>) module.getOutput("growth");
		final ImagePlus volumes = (ImagePlus) module.getOutput("volumes");
		assertEquals(2, growth.size());
		for (int i = 0; i < 2; i++) {
			final ImagePlus imp = growth.get(i);
			assertEquals("tiny-yukawa-5-" + (i + 1) + "-growth", imp.getTitle());
			assertEquals(8, imp.getNSlices());
			assertEquals(5, imp.getNFrames());
			assertEquals(1, imp.getNChannels());
			assertEquals(2.5, imp.getCalibration().pixelDepth, 1e-12);
			assertEquals("µm", imp.getCalibration().getUnit());
			assertEquals(1, imp.getDisplayRangeMax(), "phases 0..1 shown over 0..1");
			assertEquals("t = 0.750", imp.getStack().getSliceLabel(8 + 3));
			for (int z = 1; z <= 8; z++) {
				assertArrayEquals(new byte[64], (byte[]) imp.getStack().getPixels(z), "frame 1 is the empty box");
				assertArrayEquals((byte[]) volumes.getStack().getPixels(i * 8 + z),
					(byte[]) imp.getStack().getPixels(4 * 8 + z), "frame 5 is volume " + (i + 1));
			}
		}
		final Path first = dir.resolve("tiny-yukawa-5-1-growth.tif");
		final Path second = dir.resolve("tiny-yukawa-5-2-growth_2.tif");
		assertEquals("someone else's file", Files.readString(foreign), "a file the command did not create stays");
		final String saved = (String) module.getOutput("saved");
		assertEquals(List.of(dir.resolve("tiny-yukawa-5-1.tif").toAbsolutePath().toString(),
			first.toAbsolutePath().toString(), dir.resolve("tiny-yukawa-5-2.tif").toAbsolutePath().toString(),
			second.toAbsolutePath().toString()), saved.lines().toList());
		for (final Path file : List.of(first, second)) {
			final ImagePlus reopened = IJ.openImage(file.toString());
			assertEquals(8, reopened.getNSlices());
			assertEquals(5, reopened.getNFrames());
			assertEquals(2.5, reopened.getCalibration().pixelWidth, 1e-12);
			assertEquals("t = 0.000", reopened.getStack().getSliceLabel(40));
		}
		final LabelVolume volume = VolumeReader.read(dir.resolve("tiny-yukawa-5-1.tif"));
		final ImagePlus reopened = IJ.openImage(first.toString());
		for (int z = 0; z < 8; z++) {
			assertArrayEquals(volume.slice(z), (byte[]) reopened.getStack().getPixels(4 * 8 + z + 1),
				"the saved last frame is the saved volume");
		}
	}

	@Test
	void withoutFramesThereIsNoGrowth() throws Exception {
		final CommandModule module = run(TinyModels.yukawa(), "output_dir", dir.toFile());
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertNull(module.getOutput("growth"));
		assertEquals(1, ((String) module.getOutput("saved")).lines().count());
	}

	@Test
	void framesAreRefusedForOtherFamiliesAndBelowTwoBeforeAnyFileIsWritten() throws Exception {
		final Path out = dir.resolve("out");
		final String dsd = HeadlessCommands.refusal(run(TinyModels.dsd(), "frames", 3, "tolerance", 1.0,
			"output_dir", out.toFile()));
		assertTrue(dsd.startsWith("frames = 3: DSD models do not grow a volume from an empty box"), dsd);
		final File missing = dir.resolve("no-such-model.physgen").toFile();
		final String one = HeadlessCommands.refusal(run(missing.toPath(), "frames", 1));
		assertTrue(one.startsWith("frames must be 0 (no growth frames) or at least 2") && one.endsWith("got 1"),
			"checked before the model is even read: " + one);
		assertFalse(Files.exists(out), "nothing written");
	}
}
