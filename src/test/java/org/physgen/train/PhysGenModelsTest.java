package org.physgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.volume.LabelVolume;

/** Training, checkpoints, resume, cancel, loading and generation through the library API. */
class PhysGenModelsTest {

	@TempDir
	static Path folder;

	private static Path dsdModel;
	private static Path pfgmModel;

	@BeforeAll
	static void trainSmallModels() throws IOException {
		dsdModel = folder.resolve("rock.physgen");
		final TrainingResult dsd = PhysGenModels.train(List.of(TrainingVolumes.rock()),
			small(TrainingConfig.dsd(dsdModel)).steps(4), TrainingListener.NONE);
		assertEquals(4, dsd.steps());
		assertFalse(dsd.cancelled());
		assertTrue(Files.size(dsd.lossCurve()) > 1000, "loss curve PNG written");
		pfgmModel = folder.resolve("electrode.physgen");
		PhysGenModels.train(List.of(TrainingVolumes.electrode()),
			small(TrainingConfig.pfgm(pfgmModel)).steps(3), TrainingListener.NONE);
	}

	static TrainingConfig small(final TrainingConfig config) {
		return config.cropSize(8).batchSize(2).baseChannels(4).checkpointEvery(2).seed(17).threads(2);
	}

	@Test
	void dsdVolumesHaveExactCountsAndRepeatForTheSameSeed() throws IOException {
		final GenerationRequest request = new GenerationRequest(2, 8, 8, 4,
			TargetFractions.explicit(0.25), 9, 2, 0.5, GenerationRequest.MODEL_SETTING);
		final List<LabelVolume> first, again;
		try (GenerativeModel model = PhysGenModels.load(dsdModel, "cpu", 2)) {
			assertEquals(ModelFamily.DSD, model.family());
			first = model.generate(request, GenerationListener.NONE);
		}
		try (GenerativeModel model = PhysGenModels.load(dsdModel, "auto", 2)) {
			again = model.generate(request, GenerationListener.NONE);
		}
		for (int i = 0; i < 2; i++) {
			assertArrayEquals(new long[] { 192, 64 }, first.get(i).phaseCounts());
			assertArrayEquals(first.get(i).slices(), again.get(i).slices());
			assertEquals(2.5, first.get(i).voxelSize().x());
		}
		assertFalse(java.util.Arrays.deepEquals(first.get(0).slices(), first.get(1).slices()));
	}

	@Test
	void pfgmVolumesHaveExactCountsForEveryTargetChoice() throws IOException {
		try (GenerativeModel model = PhysGenModels.load(pfgmModel, "cpu", 2)) {
			assertEquals(ModelFamily.PFGMPP, model.family());
			final List<LabelVolume> explicit = model.generate(new GenerationRequest(1, 8, 8, 8,
				TargetFractions.explicit(0.4, 0.15), 1, 1, 0.1, 4), GenerationListener.NONE);
			assertArrayEquals(new long[] { 230, 205, 77 }, explicit.get(0).phaseCounts());
			final double[] mean = model.trainingFractions();
			final List<LabelVolume> atMean = model.generate(new GenerationRequest(1, 8, 8, 8,
				TargetFractions.trainingMean(), 1, 1, 0.1, 4), GenerationListener.NONE);
			assertEquals(Math.round(mean[0] * 512), atMean.get(0).phaseCounts()[1], 1);
			final List<LabelVolume> sampled = model.generate(new GenerationRequest(2, 8, 8, 8,
				TargetFractions.sample(), 1, 2, 0.1, 4), GenerationListener.NONE);
			assertEquals(2, sampled.size());
			assertEquals(512, java.util.Arrays.stream(sampled.get(1).phaseCounts()).sum());
		}
	}

	@Test
	void resumingContinuesTheStepCountAndTheOptimiserState() throws IOException {
		final Path straight = folder.resolve("straight.physgen");
		final Path resumed = folder.resolve("resumed.physgen");
		final List<LabelVolume> data = List.of(TrainingVolumes.rock());
		PhysGenModels.train(data, small(TrainingConfig.dsd(straight)).steps(4), TrainingListener.NONE);
		PhysGenModels.train(data, small(TrainingConfig.dsd(resumed)).steps(2), TrainingListener.NONE);
		final TrainingResult result = PhysGenModels.train(data,
			small(TrainingConfig.dsd(resumed)).steps(4).resume(true), TrainingListener.NONE);
		assertEquals(4, result.steps());
		final ModelBundle a = ModelBundle.read(straight), b = ModelBundle.read(resumed);
		assertEquals(4, b.metadata().trainingSteps());
		for (final String entry : List.of(TrainingCheckpoint.WEIGHTS, TrainingCheckpoint.MOMENTS,
			TrainingCheckpoint.AVERAGE, TrainingCheckpoint.STATE))
		{
			assertArrayEquals(a.entry(entry).orElseThrow(), b.entry(entry).orElseThrow(), entry);
		}
		assertArrayEquals(a.weights(), b.weights());
	}

	@Test
	void cancellingLeavesAResumableCheckpoint() throws IOException {
		final Path file = folder.resolve("cancelled.physgen");
		final List<LabelVolume> data = List.of(TrainingVolumes.rock());
		final TrainingResult cancelled = PhysGenModels.train(data, small(TrainingConfig.dsd(file))
			.steps(50), new TrainingListener() {

				private long seen;

				@Override
				public void progress(final TrainingProgress progress) {
					seen = progress.step();
				}

				@Override
				public boolean cancelled() {
					return seen >= 1;
				}
			});
		assertTrue(cancelled.cancelled());
		assertEquals(1, cancelled.steps());
		assertEquals(1, ModelBundle.read(file).metadata().trainingSteps());
		assertEquals(2, PhysGenModels.train(data, small(TrainingConfig.dsd(file)).steps(2).resume(true),
			TrainingListener.NONE).steps());
	}

	@Test
	void trainingRunsOnAThreadOtherThanTheOneThatLoadedTheEngine() throws Exception {
		final Path file = folder.resolve("other-thread.physgen");
		final TrainingResult[] result = new TrainingResult[1];
		final Exception[] failure = new Exception[1];
		final Thread worker = new Thread(() -> {
			try {
				result[0] = PhysGenModels.train(List.of(TrainingVolumes.rock()),
					small(TrainingConfig.dsd(file)).steps(2), TrainingListener.NONE);
			}
			catch (final Exception e) {
				failure[0] = e;
			}
		});
		worker.start();
		worker.join();
		if (failure[0] != null) throw failure[0];
		assertEquals(2, result[0].steps());
	}

	@Test
	void sameSeedTrainsTheSameWeightsAndAnotherSeedDoesNot() throws IOException {
		final List<LabelVolume> data = List.of(TrainingVolumes.rock());
		final Path a = folder.resolve("a.physgen"), b = folder.resolve("b.physgen"),
			c = folder.resolve("c.physgen");
		PhysGenModels.train(data, small(TrainingConfig.dsd(a)).steps(2), TrainingListener.NONE);
		PhysGenModels.train(data, small(TrainingConfig.dsd(b)).steps(2), TrainingListener.NONE);
		PhysGenModels.train(data, small(TrainingConfig.dsd(c)).steps(2).seed(18), TrainingListener.NONE);
		assertArrayEquals(ModelBundle.read(a).weights(), ModelBundle.read(b).weights());
		assertNotEquals(java.util.Arrays.hashCode(ModelBundle.read(a).weights()),
			java.util.Arrays.hashCode(ModelBundle.read(c).weights()));
	}

	@Test
	void resumingWithTheOtherFamilyOrOtherPhasesIsRefused() {
		final IOException family = assertThrows(IOException.class, () -> PhysGenModels.train(
			List.of(TrainingVolumes.rock()), small(TrainingConfig.pfgm(dsdModel)).steps(5).resume(true),
			TrainingListener.NONE));
		assertTrue(family.getMessage().contains("DSD"), family.getMessage());
		final IllegalArgumentException phases = assertThrows(IllegalArgumentException.class,
			() -> PhysGenModels.train(List.of(TrainingVolumes.electrode()),
				small(TrainingConfig.dsd(dsdModel)).steps(5).resume(true), TrainingListener.NONE));
		assertTrue(phases.getMessage().contains("phase-table mismatch"), phases.getMessage());
	}

	@Test
	void badSizesAndImpossibleFractionsNameTheParameter() throws IOException {
		try (GenerativeModel model = PhysGenModels.load(dsdModel, "cpu", 2)) {
			final IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
				() -> model.generate(new GenerationRequest(1, 10, 8, 8, TargetFractions.explicit(0.2), 1, 1,
					0.1, 18), GenerationListener.NONE));
			assertTrue(size.getMessage().startsWith("size_x = 10"), size.getMessage());
			final IllegalArgumentException fractions = assertThrows(IllegalArgumentException.class,
				() -> model.generate(new GenerationRequest(1, 8, 8, 8, TargetFractions.explicit(0.2, 0.3), 1,
					1, 0.1, 18), GenerationListener.NONE));
			assertTrue(fractions.getMessage().startsWith("fractions"), fractions.getMessage());
			assertThrows(IllegalArgumentException.class, () -> model.generate(new GenerationRequest(1, 8,
				8, 8, TargetFractions.explicit(1.5), 1, 1, 0.1, 18), GenerationListener.NONE));
		}
	}
}
