package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.scijava.command.Command;

/**
 * Every command that takes a size refuses an impossible one before any work, with the estimate and
 * a size that fits, instead of overflowing or running out of memory minutes later.
 */
class ExtremeSizesTest {

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

	private static String refusal(final Class<? extends Command> command, final Object... keyValues)
		throws Exception
	{
		return HeadlessCommands.refusal(commands.run(command, keyValues));
	}

	@Test
	void syntheticMicrostructureRefusesSizesBeyondTheHeapAndBeyondJavaArrays() throws Exception {
		final String heap = refusal(SyntheticMicrostructureCommand.class, "size", 2000);
		assertTrue(heap.startsWith("Synthetic Microstructure (gaussian_field) at 2000 x 2000 x 2000 voxels " +
			"needs about 186.3 GiB of Java heap") && heap.contains("which fits"), heap);
		final String slice = refusal(SyntheticMicrostructureCommand.class, "size", 100_000);
		assertTrue(slice.contains("is too large") && slice.endsWith("use size 46340 or less"), slice);
		final String thin = refusal(SyntheticMicrostructureCommand.class, "size", 8, "size_x", 100_000_000,
			"kind", "spheres");
		assertTrue(thin.startsWith("Synthetic Microstructure (spheres) at 100000000 x 8 x 8 voxels needs about"),
			thin);
	}

	@Test
	void generateVolumesRefusesBoxesWhoseSamplerArraysOverflow() throws Exception {
		final String box = refusal(GenerateVolumesCommand.class, "model_file", TinyModels.dsd().toFile(),
			"device", "cpu", "threads", 1, "size", 8, "size_x", 100_000_000, "batch", 4, "count", 4);
		assertTrue(box.startsWith("DSD sampling with batch 4 at 100000000 x 8 x 8 voxels is too large") &&
			box.contains("or less"), box);
		final String cube = refusal(GenerateVolumesCommand.class, "model_file", TinyModels.pfgm().toFile(),
			"device", "cpu", "threads", 1, "size", 100_000, "count", 1);
		assertTrue(cube.startsWith("PFGM++ sampling with batch 1 at 100000 x 100000 x 100000 voxels is too large"),
			cube);
		final int suggested = Integer.parseInt(cube.replaceAll(".*use size (\\d+) or less.*", "$1"));
		assertTrue(suggested > 0 && suggested % TinyModels.sizeMultiple(TinyModels.pfgm()) == 0,
			"the suggested size is one the model accepts: " + cube);
	}

	@Test
	void trainingRefusesBatchesAndWidthsBeyondTheMemory() throws Exception {
		final Object image = org.physgen.volume.ImagePlusVolumes.toImagePlus(TinyModels.trainingVolume(), "rock");
		final String batch = refusal(TrainDsdModelCommand.class, "image", image, "model_file",
			dir.resolve("a.physgen").toFile(), "crop_size", 16, "batch", 100_000, "device", "cpu", "threads", 1);
		assertTrue(batch.startsWith("training with batch 100000 and size 16 needs about ") && batch.contains(
			"fits"), batch);
		final String width = refusal(TrainDsdModelCommand.class, "image", image, "model_file",
			dir.resolve("b.physgen").toFile(), "crop_size", 16, "channels", 100_000, "device", "cpu", "threads", 1);
		assertTrue(width.endsWith("use fewer channels"), width);
	}
}
