package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.model.GenerativeModel;
import org.physgen.nn.ModelFamily;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.TiffVolumeWriter;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;

class TrainModelCommandsTest {

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

	/** A tiny run: 8³ crops, 4 channels, on the CPU with one thread, plus the given inputs. */
	private static CommandModule train(final Class<? extends Command> command, final Object... keyValues)
		throws Exception
	{
		final Map<String, Object> inputs = new HashMap<>(Map.of("crop_size", 8, "steps", 3L, "batch", 2,
			"channels", 4, "device", "cpu", "threads", 1, "seed", 5L));
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return commands.run(command, inputs);
	}

	private Path trainingFile() throws Exception {
		final Path file = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), file);
		return file;
	}

	@Test
	void dsdModelIsWrittenWithTheVolumesCalibrationAndCanResume() throws Exception {
		final Path model = dir.resolve("models/rock-dsd.physgen");
		final CommandModule first = train(TrainDsdModelCommand.class, "input_file", trainingFile().toFile(),
			"model_file", model.toFile(), "schedule", "cosine", "boundary", "reflecting", "hop_rate", 20.0);
		assertFalse(first.isCanceled(), first::getCancelReason);
		assertTrue(((String) first.getOutput("summary")).contains("DSD model: 3 steps"),
			(String) first.getOutput("summary"));
		try (GenerativeModel loaded = PhysGenModels.load(model, "cpu", 1)) {
			assertEquals(ModelFamily.DSD, loaded.family());
			assertEquals(8, loaded.cropSize());
			assertEquals(2, loaded.phases().phaseCount());
			assertEquals(TinyModels.VOXEL, loaded.voxelSize());
			assertEquals(0.3, loaded.trainingFractions()[0], 0.15);
		}
		final CommandModule resumed = train(TrainDsdModelCommand.class, "input_file", trainingFile().toFile(),
			"model_file", model.toFile(), "steps", 5L, "resume", true, "schedule", "cosine", "boundary",
			"reflecting", "hop_rate", 20.0);
		assertFalse(resumed.isCanceled(), resumed::getCancelReason);
		assertTrue(((String) resumed.getOutput("summary")).contains("DSD model: 5 steps"),
			(String) resumed.getOutput("summary"));
	}

	@Test
	void resumeRefusesSettingsThatDifferFromTheCheckpoint() throws Exception {
		final Path model = dir.resolve("rock-dsd.physgen");
		final Path input = trainingFile();
		assertFalse(train(TrainDsdModelCommand.class, "input_file", input.toFile(), "model_file", model.toFile(),
			"hop_rate", 20.0).isCanceled());
		final byte[] before = Files.readAllBytes(model);
		final Object[][] changes = { { "channels", 8 }, { "hop_rate", 0.0 }, { "schedule", "cosine" },
			{ "boundary", "reflecting" } };
		final String[] reasons = { "channels = 8 differs from the checkpoint's channels 4",
			"hop_rate = 16.0 differs from the checkpoint's hop_rate 20.0",
			"schedule = cosine differs from the checkpoint's schedule blackout",
			"boundary = reflecting differs from the checkpoint's boundary periodic" };
		for (int i = 0; i < changes.length; i++) {
			final Map<String, Object> settings = new HashMap<>(Map.of("hop_rate", 20.0));
			settings.put((String) changes[i][0], changes[i][1]);
			final Object[] keyValues = { "input_file", input.toFile(), "model_file", model.toFile(), "steps", 5L,
				"resume", true };
			final CommandModule resumed = train(TrainDsdModelCommand.class, concat(keyValues, settings));
			assertTrue(resumed.isCanceled(), "resumed with " + settings);
			assertTrue(resumed.getCancelReason().startsWith(reasons[i]), resumed.getCancelReason());
		}
		assertArrayEquals(before, Files.readAllBytes(model), "the checkpoint is untouched");
		final CommandModule pfgm = train(TrainPfgmModelCommand.class, "input_file", input.toFile(), "model_file",
			dir.resolve("rock-pfgm.physgen").toFile(), "aug_dim", "inf");
		assertFalse(pfgm.isCanceled(), pfgm::getCancelReason);
		final CommandModule resumedPfgm = train(TrainPfgmModelCommand.class, "input_file", input.toFile(),
			"model_file", dir.resolve("rock-pfgm.physgen").toFile(), "steps", 5L, "resume", true);
		assertTrue(resumedPfgm.getCancelReason().startsWith(
			"aug_dim = 1.0 differs from the checkpoint's aug_dim Infinity"), resumedPfgm.getCancelReason());
		final File ldsm = dir.resolve("rock-ldsm.physgen").toFile();
		assertFalse(train(TrainLdsmModelCommand.class, "input_file", input.toFile(), "model_file", ldsm, "delta", 0.03)
			.isCanceled());
		final CommandModule resumedLdsm = train(TrainLdsmModelCommand.class, "input_file", input.toFile(),
			"model_file", ldsm, "steps", 5L, "resume", true);
		assertTrue(resumedLdsm.getCancelReason().startsWith("delta = 0.01 differs from the checkpoint's delta 0.03"),
			resumedLdsm.getCancelReason());
	}

	private static Object[] concat(final Object[] keyValues, final Map<String, Object> more) {
		final Object[] all = Arrays.copyOf(keyValues, keyValues.length + 2 * more.size());
		int i = keyValues.length;
		for (final Map.Entry<String, Object> e : more.entrySet()) {
			all[i++] = e.getKey();
			all[i++] = e.getValue();
		}
		return all;
	}

	@Test
	void augmentOffTrainsOnTheCropsAsTheyAre() throws Exception {
		final Path input = trainingFile();
		final byte[][] weights = new byte[3][];
		final boolean[] augment = { false, false, true };
		for (int i = 0; i < weights.length; i++) {
			final Path model = dir.resolve("augment-" + i + ".physgen");
			final CommandModule module = train(TrainDsdModelCommand.class, "input_file", input.toFile(),
				"model_file", model.toFile(), "augment", augment[i]);
			assertFalse(module.isCanceled(), module::getCancelReason);
			try (ZipFile zip = new ZipFile(model.toFile())) {
				weights[i] = zip.getInputStream(zip.getEntry("weights.params")).readAllBytes();
			}
		}
		assertArrayEquals(weights[0], weights[1], "the same seed without augmentation");
		assertFalse(Arrays.equals(weights[0], weights[2]), "turned and mirrored crops train another model");
	}

	@Test
	void pfgmModelTrainsOnTheOpenImageWithInfiniteD() throws Exception {
		final Path model = dir.resolve("rock-pfgm.physgen");
		final CommandModule module = train(TrainPfgmModelCommand.class, "image",
			ImagePlusVolumes.toImagePlus(TinyModels.trainingVolume(), "rock"), "model_file", model.toFile(),
			"aug_dim", "inf");
		assertFalse(module.isCanceled(), module::getCancelReason);
		try (GenerativeModel loaded = PhysGenModels.load(model, "cpu", 1)) {
			assertEquals(ModelFamily.PFGMPP, loaded.family());
		}
		final String curve = (String) module.getOutput("loss_curve");
		assertTrue(curve.isEmpty() || Files.exists(Path.of(curve)), curve);
	}

	@Test
	void badSettingsAreRefusedByName() throws Exception {
		final Path input = trainingFile();
		final Path model = dir.resolve("never.physgen");
		final Object[][] cases = { { "aug_dim", "0.5" }, { "aug_dim", "many" }, { "crop_size", 2 },
			{ "learning_rate", 0.0 }, { "channels", 0 } };
		for (final Object[] bad : cases) {
			final CommandModule module = train(TrainPfgmModelCommand.class, "input_file", input.toFile(),
				"model_file", model.toFile(), bad[0], bad[1]);
			assertTrue(module.isCanceled(), bad[0] + "=" + bad[1]);
			assertTrue(module.getCancelReason().contains((String) bad[0]), module.getCancelReason());
		}
		final CommandModule schedule = train(TrainDsdModelCommand.class, "input_file", input.toFile(),
			"model_file", model.toFile(), "schedule", "sigmoid");
		assertTrue(schedule.getCancelReason().contains("schedule 'sigmoid'"), schedule.getCancelReason());
		final CommandModule noInput = train(TrainDsdModelCommand.class, "model_file", model.toFile());
		assertTrue(noInput.getCancelReason().contains("input_file"), noInput.getCancelReason());
		assertFalse(Files.exists(model));
	}
}
