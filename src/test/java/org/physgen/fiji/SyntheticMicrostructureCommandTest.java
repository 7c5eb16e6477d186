package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeReader;
import org.physgen.volume.VoxelSize;
import org.scijava.command.CommandModule;
import org.scijava.log.LogService;

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

	private Path reference(final int size, final double length, final double... fractions) throws Exception {
		final Path file = dir.resolve("reference.tif");
		final LabelVolume field = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD,
			size, size, size, fractions, length, 6, false, 11, VoxelSize.isotropic(1, "pixel")));
		final PhaseTable phases = fractions.length == 1 ? new PhaseTable(new int[] { 0, 255 }, new String[] { "grain", "pore" })
			: new PhaseTable(new int[] { 0, 128, 255 }, new String[] { "grain", "pore", "clay" });
		TiffVolumeWriter.write(LabelVolume.fromSlices(field.slices(), size, size, phases, field.voxelSize()), file);
		return file;
	}

	private static long[] counts(final ImagePlus imp) {
		return ImagePlusVolumes.fromImagePlus(imp).phaseCounts();
	}

	@Test
	void autoFitsTheReferenceLengthKeepsItsCountsAndLogsTheFit() throws Exception {
		final List<String> lines = new ArrayList<>();
		commands.context().service(LogService.class).addLogListener(message -> lines.add(message.text()));
		final Path file = reference(48, 3, 0.23);
		final CommandModule module = run(Map.of("correlation_length", "auto", "reference_file", file.toFile(),
			"size", 48, "seed", 2L));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final LabelVolume made = ImagePlusVolumes.fromImagePlus((ImagePlus) module.getOutput("volume"));
		assertArrayEquals(VolumeReader.read(file).phaseCounts(), made.phaseCounts());
		assertEquals(List.of("grain", "pore"), made.phases().names(), "the reference's phases");
		assertEquals(255, made.phases().greyValue(1));
		final String fit = lines.stream().filter(l -> l.contains("correlation_length=auto fitted")).findFirst()
			.orElseThrow(() -> new AssertionError("no fit logged: " + lines));
		final Matcher length = Pattern.compile("fitted (\\d+\\.\\d+) voxels").matcher(fit);
		assertTrue(length.find(), fit);
		assertEquals(3, Double.parseDouble(length.group(1)), 0.3, fit);
		assertTrue(fit.contains("r = 1..12") && fit.contains("RMS residual"), fit);
	}

	@Test
	void autoFitsTheOpenImageAndScalesItsFractionsToTheSize() throws Exception {
		final ImagePlus image = ImagePlusVolumes.toImagePlus(VolumeReader.read(reference(24, 2, 0.3, 0.1)), "rock");
		final long[] reference = counts(image);
		final CommandModule module = run(Map.of("correlation_length", " AUTO ", "image", image, "size", 20));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final long n = 20 * 20 * 20, m = 24 * 24 * 24;
		final long one = Math.round(reference[1] / (double) m * n), two = Math.round(reference[2] / (double) m * n);
		assertArrayEquals(new long[] { n - one - two, one, two }, counts((ImagePlus) module.getOutput("volume")));
		final CommandModule given = run(Map.of("correlation_length", "auto", "image", image, "size", 20,
			"fractions", "0.1,0.05"));
		assertArrayEquals(new long[] { 6800, 800, 400 }, counts((ImagePlus) given.getOutput("volume")));
	}

	@Test
	void correlationLengthErrorsNameTheParameter() throws Exception {
		final File text = dir.resolve("notes.tif").toFile();
		Files.writeString(text.toPath(), "not a volume");
		final File rock = reference(16, 2, 0.2).toFile();
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "auto", "size", 8)))
			.contains("correlation_length=auto needs a reference: give reference_file or open a segmented stack"));
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "auto", "reference_file", text)))
			.contains("reference_file '" + text + "' could not be read"));
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "auto", "kind", "spheres",
			"reference_file", rock))).contains("correlation_length=auto fits a gaussian_field; kind 'spheres'"));
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "auto", "reference_file", rock,
			"fractions", "0.2,0.1"))).contains("describe 3 phases, but the reference (reference_file 'reference') has 2"));
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "four")))
			.contains("correlation_length must be a positive number of voxels or auto, got 'four'"));
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "-1")))
			.contains("correlation_length must be a positive number of voxels or auto, got -1"));
		assertTrue(HeadlessCommands.refusal(run(Map.of("correlation_length", "4", "reference_file", rock)))
			.contains("is only read with correlation_length=auto"));
	}

	@Test
	void blankFractionsWithoutAReferenceMeanTheDefault() throws Exception {
		final CommandModule module = run(Map.of("size", 10));
		assertArrayEquals(new long[] { 800, 200 }, counts((ImagePlus) module.getOutput("volume")));
	}

	@Test
	void impossibleFractionsCancelWithTheParameterNamed() throws Exception {
		final CommandModule module = run(Map.of("fractions", "0.8,0.3", "size", 8));
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("fractions"), module.getCancelReason());
		assertSame(null, module.getOutput("volume"));
	}
}
