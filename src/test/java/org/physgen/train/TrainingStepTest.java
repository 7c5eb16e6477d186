package org.physgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.DsdLoss;
import org.physgen.dsd.ForwardGap;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.NoisedBatch;
import org.physgen.dsd.TimeWeighting;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.model.dsd.DsdObjective;
import org.physgen.model.pfgm.PfgmObjective;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.NetworkConfig;
import org.physgen.nn.RateHead;
import org.physgen.nn.UNet3d;
import org.physgen.pfgm.PerturbationKernel;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/** One training step of each family, on a fixed batch, lowers the loss; tensor loss = reference. */
class TrainingStepTest {

	private static final int SIZE = 8;

	@BeforeAll
	static void engine() {
		DjlRuntime.start(0, line -> {});
	}

	@Test
	void dsdStepsLowerTheLossOnAFixedBatch() {
		final LabelVolume rock = TrainingVolumes.rock();
		final Grid grid = new Grid(SIZE, SIZE, SIZE, Boundary.PERIODIC);
		final DsdObjective objective = new DsdObjective(grid, new ChannelMap(2, 0),
			TrainingConfig.defaultRate(SIZE), Schedule.defaultSchedule(), RateHead.EXP,
			TimeWeighting.UNIFORM.weights(Schedule.defaultSchedule(), null));
		final NetworkConfig config = new NetworkConfig(1, 6, 4, List.of(1, 2), 1, 2, 0, false, 0, true);
		assertLossFalls(objective, config, fixedBatch(rock));
	}

	@Test
	void pfgmStepsLowerTheLossOnAFixedBatch() {
		final LabelVolume electrode = TrainingVolumes.electrode();
		final PfgmObjective objective = new PfgmObjective(PerturbationKernel.of(128), 3, SIZE);
		final NetworkConfig config = new NetworkConfig(3, 3, 4, List.of(1, 2), 1, 2, 0, false, 2, false);
		assertLossFalls(objective, config, fixedBatch(electrode));
	}

	@Test
	void dsdTensorLossEqualsTheReferenceFormulaForEveryHeadAndWeighting() {
		for (final RateHead head : RateHead.values()) {
			for (final TimeWeighting weighting : TimeWeighting.values()) {
				dsdTensorLossEqualsTheReferenceFormula(head, weighting);
			}
		}
	}

	private static void dsdTensorLossEqualsTheReferenceFormula(final RateHead head,
		final TimeWeighting weighting)
	{
		final byte[][][] batch = fixedBatch(TrainingVolumes.rock());
		final Grid grid = new Grid(SIZE, SIZE, SIZE, Boundary.PERIODIC);
		final ChannelMap channels = new ChannelMap(2, 0);
		final double rate = TrainingConfig.defaultRate(SIZE);
		final ForwardNoising noising = new ForwardNoising(grid, channels, rate, Schedule.defaultSchedule());
		final double[] timeWeights = weighting.weights(Schedule.defaultSchedule(), () -> ForwardGap
			.byTimeIndex(noising, batch, 8, 3));
		final DsdObjective objective = new DsdObjective(grid, channels, rate, Schedule.defaultSchedule(),
			head, timeWeights);
		final NetworkConfig config = new NetworkConfig(1, 6, 4, List.of(1, 2), 1, 2, 0, false, 0, true);
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final UNet3d net = UNet3d.create(config, manager, 5);
			randomiseOutput(net, manager);
			final ParameterStore store = new ParameterStore(manager, false);
			final double tensorLoss = objective.loss(manager, net, store, batch, 11).getFloat();

			final int[] k = new int[batch.length];
			final UniformRandomProvider rng = RandomStreams.of(11, 0x54494D45L);
			for (int b = 0; b < k.length; b++) k[b] = 1 + rng.nextInt(Schedule.DEFAULT_STEPS - 1);
			final NoisedBatch noised = noising.noise(batch, k, 11);
			final BatchShape shape = noised.shape();
			final float[] time = new float[batch.length];
			for (int b = 0; b < time.length; b++) time[b] = (float) noised.networkTime()[b];
			final NDArray raw = net.apply(store, manager.create(noised.counts(),
				new Shape(batch.length, 1, SIZE, SIZE, SIZE)), manager.create(time), null, false);
			final float[] out = raw.toFloatArray();
			final float[] rates = new float[out.length];
			for (int i = 0; i < out.length; i++) rates[i] = (float) head.rate(out[i], rate);
			final double[] weights = new double[batch.length];
			for (int b = 0; b < k.length; b++) weights[b] = timeWeights[k[b]];
			final double reference = DsdLoss.processLikelihood(shape, rates, noised.counts(),
				noised.targets(), weights);
			assertEquals(reference, tensorLoss, 1e-4 * Math.abs(reference), head + ", " + weighting);
		}
	}

	@Test
	void aStepWithNonFiniteGradientsChangesNothing() {
		final NetworkConfig config = new NetworkConfig(1, 6, 4, List.of(1, 2), 1, 2, 0, false, 0, true);
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final UNet3d net = UNet3d.create(config, manager, 3);
			final ParameterStore store = new ParameterStore(manager, false);
			final byte[] before = net.parameterBytes();
			try (AdamOptimizer adam = new AdamOptimizer(TrainingCheckpoint.parameters(net), manager)) {
				try (NDManager stepManager = manager.newSubManager();
					GradientCollector collector = Engine.getInstance().newGradientCollector())
				{
					final NDArray out = net.apply(store, stepManager.ones(new Shape(1, 1, SIZE, SIZE, SIZE)),
						stepManager.create(new float[] { 0.5f }), null, true);
					collector.backward(out.sum().mul(Float.NaN));
				}
				assertTrue(Double.isNaN(adam.step(1e-3, 1.0)));
				assertEquals(0, adam.updates());
				org.junit.jupiter.api.Assertions.assertArrayEquals(before, net.parameterBytes());
			}
		}
	}

	private static byte[][][] fixedBatch(final LabelVolume volume) {
		final CropSampler sampler = new CropSampler(List.of(volume), SIZE);
		final UniformRandomProvider rng = RandomStreams.of(1, 2);
		return new byte[][][] { sampler.crop(rng, true), sampler.crop(rng, true) };
	}

	private static void assertLossFalls(final TrainingObjective objective, final NetworkConfig config,
		final byte[][][] batch)
	{
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final UNet3d net = UNet3d.create(config, manager, 3);
			final ParameterStore store = new ParameterStore(manager, false);
			try (AdamOptimizer adam = new AdamOptimizer(TrainingCheckpoint.parameters(net), manager)) {
				double first = Double.NaN, last = Double.NaN;
				for (int step = 0; step < 12; step++) {
					try (NDManager stepManager = manager.newSubManager();
						GradientCollector collector = Engine.getInstance().newGradientCollector())
					{
						final NDArray loss = objective.loss(stepManager, net, store, batch, 99);
						collector.backward(loss);
						last = loss.getFloat();
						if (step == 0) first = last;
					}
					adam.step(3e-3, 1.0);
				}
				assertTrue(Double.isFinite(first) && last < 0.9 * first,
					"loss fell from " + first + " to " + last);
			}
		}
	}

	private static void randomiseOutput(final UNet3d net, final NDManager manager) {
		for (final Parameter p : net.outputParameters()) {
			p.getArray().set(manager.randomNormal(0, 0.3f, p.getShape(), p.getArray().getDataType())
				.toFloatArray());
		}
	}
}
