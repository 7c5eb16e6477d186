package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.scijava.command.CommandModule;

import ij.ImagePlus;

class SyntheticMicrostructureCommandTest {

	private HeadlessCommands commands;

	@TempDir
	Path dir;

	@BeforeEach
	void start() {
		commands = new HeadlessCommands();
	}

	@AfterEach
	void stop() {
		commands.close();
	}

	private CommandModule run(final Map<String, Object> inputs) throws Exception {
		return commands.run(SyntheticMicrostructureCommand.class, inputs);
	}

	@Test
	void electrodeStackHasExactCountsZSlicesAndIsSaved() throws Exception {
		final File file = dir.resolve("sub/electrode.tif").toFile();
		final CommandModule module = run(Map.of("kind", "electrode", "size", 32, "fractions", "0.40,0.15",
			"seed", 5L, "voxel_spacing", 0.5, "unit", "µm", "output_file", file));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final ImagePlus imp = (ImagePlus) module.getOutput("volume");
		assertEquals(32, imp.getNSlices());
		assertEquals(1, imp.getNChannels());
		assertEquals(0.5, imp.getCalibration().pixelDepth, 1e-12);
		assertEquals(2, imp.getDisplayRangeMax(), "phases 0..2 shown over the display range");
		final long n = 32 * 32 * 32;
		final long[] expected = { n - Math.round(0.4 * n) - Math.round(0.15 * n), Math.round(0.4 * n), Math.round(0.15 * n) };
		final LabelVolume saved = VolumeReader.read(file.toPath());
		assertArrayEquals(expected, saved.phaseCounts());
		assertEquals("µm", saved.voxelSize().unit());
		assertEquals(0, Files.list(file.toPath().getParent()).filter(p -> !p.equals(file.toPath())).count(),
			"no temporary files are left beside the output");
	}

	@Test
	void stackSharesPixelsWithTheGeneratedVolume() throws Exception {
		final CommandModule module = run(Map.of("kind", "gaussian_field", "size_x", 20, "size_y", 12,
			"size_z", 9, "fractions", "0.25"));
		final ImagePlus imp = (ImagePlus) module.getOutput("volume");
		assertEquals(20, imp.getWidth());
		assertEquals(12, imp.getHeight());
		assertEquals(9, imp.getNSlices());
		long ones = 0;
		for (int z = 1; z <= 9; z++) {
			for (final byte b : (byte[]) imp.getStack().getPixels(z)) ones += b;
		}
		assertEquals(Math.round(0.25 * 20 * 12 * 9), ones);
	}

	@Test
	void impossibleFractionsCancelWithTheParameterNamed() throws Exception {
		final CommandModule module = run(Map.of("fractions", "0.8,0.3", "size", 8));
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("fractions"), module.getCancelReason());
		assertSame(null, module.getOutput("volume"));
	}
}
