package org.physgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Grid;
import org.physgen.dsd.TimeWeighting;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.model.dsd.DsdObjective;
import org.physgen.model.pfgm.PfgmFamily;
import org.physgen.model.pfgm.PfgmObjective;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.NetworkConfig;
import org.physgen.nn.PfgmProcess;
import org.physgen.nn.RateHead;
import org.physgen.nn.UNet3d;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;

import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/**
 * The validation loss is measured on crops held out from training, relative to the forward rates
 * for DSD (1 for an untrained network; {@link DsdLearnsTest} sees it fall as a model learns), and
 * with the averaged weights during training.
 */
class ValidationLossTest {

	private static final int SIZE = 8;

	@BeforeAll
	static void engine() {
		DjlRuntime.start(0, line -> {});
	}

	/** A Gaussian-field rock, 3 crops tall, so that the top crop of slices is held out. */
	private static LabelVolume rock(final int size, final int height) {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, size, size, height,
			new double[] { 0.3 }, 2.0, 3.0, true, 11, VoxelSize.DEFAULT));
	}

	@Test
	void theTopCropOfSlicesOfTheLastVolumeIsHeldOutWhenItIsThreeCropsTall() {
		final LabelVolume first = rock(8, 8), last = rock(8, 24);
		final ValidationLoss.Split split = ValidationLoss.Split.of(List.of(first, last), SIZE);
		assertEquals(2, split.training().size());
		assertEquals(first, split.training().get(0));
		assertEquals(16, split.training().get(1).sizeZ());
		assertEquals(8, split.slab().sizeZ());
		for (int z = 0; z < 8; z++) {
			assertEquals(last.phaseAt(3, 4, 16 + z), split.slab().phaseAt(3, 4, z));
			assertEquals(last.phaseAt(5, 1, z), split.training().get(1).phaseAt(5, 1, z));
		}
		final ValidationLoss.Split small = ValidationLoss.Split.of(List.of(rock(8, 23)), SIZE);
		assertNull(small.slab(), "a volume under 3 crops tall keeps all its slices for training");
		assertEquals(23, small.training().get(0).sizeZ());
	}

	@Test
	void dsdValidationOfTheUntrainedNetworkIsOneTheForwardRatesLoss() {
		final ValidationLoss.Split split = ValidationLoss.Split.of(List.of(rock(SIZE, 3 * SIZE)), SIZE);
		final Schedule schedule = Schedule.defaultSchedule();
		final DsdObjective objective = new DsdObjective(new Grid(SIZE, SIZE, SIZE, Boundary.PERIODIC),
			new ChannelMap(2, 0), TrainingConfig.defaultRate(SIZE), schedule, RateHead.EXP,
			TimeWeighting.UNIFORM.weights(schedule, null));
		final ValidationLoss validation = new ValidationLoss(objective, split, SIZE, 4, 3);
		assertTrue(validation.heldOut());
		final NetworkConfig config = new NetworkConfig(1, 6, 4, List.of(1, 2), 1, 2, 0, false, 0, true);
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final UNet3d net = UNet3d.create(config, manager, 3);
			final ParameterStore store = new ParameterStore(manager, false);
			final double untrained = validation.evaluate(manager, net, store);
			assertEquals(1, untrained, 1e-5, "the zero output layer gives the forward rates");
			assertEquals(untrained, validation.evaluate(manager, net, store), 1e-9, "fixed crops, times and noise");
		}
	}

	/**
	 * A PFGM++ run logs and stores the validation loss every 10 steps; the last equals the loss of
	 * the averaged weights the bundle holds for sampling, not of the trained ones in its checkpoint.
	 */
	@Test
	void trainingLogsAndStoresTheValidationLossOfTheAveragedWeights(@TempDir final Path folder) throws IOException {
		final LabelVolume volume = rock(SIZE, 3 * SIZE);
		final Path file = folder.resolve("rock.physgen");
		final List<String> log = new ArrayList<>();
		// D = 128: at D = 1 a few far-flung noise radii dominate the loss, and the weights' share of it is tiny
		final TrainingConfig config = TrainingConfig.pfgm(file).augDim(128).cropSize(SIZE).steps(20).batchSize(2)
			.baseChannels(4).learningRate(3e-3).validationEvery(10).seed(5).threads(1);
		PhysGenModels.train(List.of(volume), config, new TrainingListener() {

			@Override
			public void log(final String message) {
				log.add(message);
			}
		});
		assertTrue(log.contains("8 validation crops from the top crop_size slices of the last volume, held out from "
			+ "training"), log::toString);
		final List<String> points = log.stream().filter(line -> line.contains("validation loss")).toList();
		assertEquals(2, points.size(), log::toString);
		assertTrue(points.get(1).startsWith("step 20: validation loss "), points::toString);
		final ModelBundle bundle = ModelBundle.read(file, ModelFamily.PFGMPP);
		final String[] rows = new String(bundle.entry(TrainingCheckpoint.VALIDATION).orElseThrow()).split("\n");
		assertEquals("step,validation_loss", rows[0]);
		assertEquals(3, rows.length);
		final double logged = Double.parseDouble(rows[2].split(",")[1]);
		final ValidationLoss.Split split = ValidationLoss.Split.of(List.of(volume), SIZE);
		final ValidationLoss validation = new ValidationLoss(new PfgmObjective(PfgmFamily.kernel(bundle.metadata()
			.process(PfgmProcess.class)), 2, SIZE), split, SIZE, 5, 2);
		final NetworkConfig network = bundle.metadata().network();
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final ParameterStore store = new ParameterStore(manager, false);
			final double averaged = validation.evaluate(manager, UNet3d.load(network, manager, bundle.weights()), store);
			final double trained = validation.evaluate(manager, UNet3d.load(network, manager, TrainingCheckpoint.require(
				bundle, TrainingCheckpoint.WEIGHTS)), store);
			assertEquals(logged, averaged, 1e-5 * logged);
			assertTrue(Math.abs(trained - averaged) > 1e-4 * averaged, "trained " + trained + ", averaged " + averaged);
		}
	}

	@Test
	void zeroValidationEveryHoldsOutNothingAndLogsNoValidation(@TempDir final Path folder) throws IOException {
		final List<String> log = new ArrayList<>();
		PhysGenModels.train(List.of(rock(SIZE, 3 * SIZE)), TrainingConfig.pfgm(folder.resolve("m.physgen"))
			.cropSize(SIZE).steps(2).batchSize(1).baseChannels(4).validationEvery(0).threads(1), new TrainingListener() {

				@Override
				public void log(final String message) {
					log.add(message);
				}
			});
		assertTrue(log.stream().noneMatch(line -> line.contains("validation")), log::toString);
	}
}
