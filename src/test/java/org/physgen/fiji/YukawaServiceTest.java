package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.nn.ModelFamily;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.train.TrainingResult;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.physgen.volume.VoxelSize;
import org.physgen.yukawa.SurvivalShape;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.service.SciJavaService;

/** A tiny Yukawa model trained and used through the scripting service, for two and three phases. */
class YukawaServiceTest {

	private static Context context;
	private static PhysGenService physgen;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(SciJavaService.class);
		physgen = context.service(PhysGenService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void trainsAndGrowsTwoPhaseVolumesWithExactCounts() throws Exception {
		final GenerativeModel model = trainAndLoad(TinyModels.trainingVolume(), SurvivalShape.LINEAR, "rock");
		try (model) {
			assertEquals(ModelFamily.YUKAWA, model.family());
			assertTrue(model.describe().startsWith("Yukawa model"), model.describe());
			final List<LabelVolume> volumes = physgen.generate(model, new GenerationRequest(2, 8, 8, 8,
				TargetFractions.parse("0.5"), 4, 2, 0, 0));
			assertEquals(2, volumes.size());
			for (final LabelVolume v : volumes) assertArrayEquals(new long[] { 256, 256 }, v.phaseCounts());
			assertEquals(TinyModels.VOXEL, volumes.get(0).voxelSize());
			assertFalse(model.canInpaint());
			final LabelVolume volume = TinyModels.trainingVolume();
			assertThrows(IllegalArgumentException.class, () -> physgen.inpaint(model, volume, "0,0,0,4,4,4", "", 5));
		}
	}

	@Test
	void trainsAndGrowsThreePhaseVolumesWithExactCounts() throws Exception {
		final LabelVolume electrode = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.ELECTRODE, 16,
			16, 16, new double[] { 0.4, 0.15 }, 2.0, 3.0, true, 5, VoxelSize.DEFAULT));
		try (GenerativeModel model = trainAndLoad(electrode, SurvivalShape.BLACKOUT, "electrode")) {
			final List<LabelVolume> volumes = physgen.generate(model, new GenerationRequest(1, 8, 8, 16,
				TargetFractions.parse("0.25,0.125"), 7, 1, 0, 0));
			assertArrayEquals(new long[] { 640, 256, 128 }, volumes.get(0).phaseCounts());
		}
	}

	/** The Fiji commands, as macros and the headless runner call them: train, then generate. */
	@Test
	void commandsTrainAndGenerate() throws Exception {
		final Path input = dir.resolve("rock.tif");
		physgen.save(TinyModels.trainingVolume(), input.toString());
		final Path model = dir.resolve("command-yukawa.physgen");
		try (HeadlessCommands commands = new HeadlessCommands()) {
			final Map<String, Object> train = new HashMap<>(Map.of("input_file", input.toFile(), "model_file",
				model.toFile(), "crop_size", 8, "steps", 2L, "channels", 4, "device", "cpu", "threads", 1));
			train.putAll(Map.of("validation_every", 0, "survival", "blackout", "hop_rate", 2.0));
			final CommandModule trained = commands.run(TrainYukawaModelCommand.class, train);
			assertFalse(trained.isCanceled(), trained::getCancelReason);
			assertTrue(((String) trained.getOutput("summary")).startsWith("Yukawa model: 2 steps"),
				(String) trained.getOutput("summary"));
			final CommandModule generated = commands.run(GenerateVolumesCommand.class, new HashMap<>(Map.of(
				"model_file", model.toFile(), "device", "cpu", "threads", 1, "count", 2, "size", 8, "fractions", "0.25",
				"seed", 5L, "output_dir", dir.toFile())));
			assertFalse(generated.isCanceled(), generated::getCancelReason);
			for (int i = 1; i <= 2; i++) {
				assertArrayEquals(new long[] { 384, 128 }, VolumeReader.read(dir.resolve("command-yukawa-5-" + i +
					".tif")).phaseCounts());
			}
		}
	}

	private GenerativeModel trainAndLoad(final LabelVolume volume, final SurvivalShape survival, final String name)
		throws Exception
	{
		final Path file = dir.resolve(name + "-yukawa.physgen");
		final TrainingResult result = physgen.train(volume, TinyModels.tiny(physgen.yukawaConfig(file.toString())
			.survival(survival).rate(4)));
		assertEquals(3, result.steps());
		assertTrue(Double.isFinite(result.finalLoss()), "final loss " + result.finalLoss());
		return physgen.load(file.toString(), "cpu", 1);
	}
}
