package org.physgen.benchmark;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.physgen.nn.BlockNetworkFunction;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.NetworkConfig;
import org.physgen.nn.NetworkTestSupport;
import org.physgen.nn.UNet3d;
import org.physgen.train.AdamOptimizer;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * PhysGen's side of {@code scripts/benchmark network}, one process: the default DSD network of a
 * two-phase volume (32·(1,2,2), 1 input and 6 output channels, circular padding), timed as
 * {@code benchmarks/unet_peer.py} times its PyTorch twin. Prints {@code key value} lines:
 * {@code parameters}; {@code training_s}, the median seconds of a training step at
 * {@value #TRAIN_BATCH}×{@value #TRAIN_SIZE}³ (forward, mean-squared loss against a fixed random
 * target, backward, and {@link AdamOptimizer}'s step with global-norm clipping at 1.0, as training
 * runs them, without the DSD noising and the weight average); {@code forward_s}, the median seconds
 * of one {@value #FORWARD_SIZE}³ batch-1 evaluation through {@link BlockNetworkFunction}, as
 * generation calls it. Arguments: threads, repetitions (each after one warm-up).
 */
public final class NetworkTiming {

	static final int TRAIN_SIZE = 32;
	static final int TRAIN_BATCH = 4;
	static final int FORWARD_SIZE = 64;
	private static final double LEARNING_RATE = 2e-4;
	private static final double CLIP_NORM = 1;

	private NetworkTiming() {}

	/** The network that DSD training builds for a two-phase volume by default. */
	static NetworkConfig defaultDsdNetwork() {
		return NetworkConfig.standard(1, 6, 0, true);
	}

	public static void main(final String[] args) {
		final int threads = Integer.parseInt(args[0]);
		final int repetitions = Integer.parseInt(args[1]);
		DjlRuntime.start(threads, line -> {});
		DjlRuntime.recordNoGradientsOnThisThread();
		final NetworkConfig config = defaultDsdNetwork();
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final UNet3d network = UNet3d.create(config, manager, 1);
			System.out.println("parameters " + network.parameterCount());
			System.out.println("training_s " + median(repetitions, trainingStep(network, manager)));
		}
		final NDManager forwardManager = NDManager.newBaseManager(DjlRuntime.ENGINE);
		try (BlockNetworkFunction function = new BlockNetworkFunction(UNet3d.create(config,
			forwardManager, 1), forwardManager))
		{
			final int voxels = FORWARD_SIZE * FORWARD_SIZE * FORWARD_SIZE;
			final float[] input = NetworkTestSupport.random(config.inputChannels() * voxels, 3);
			final float[] output = new float[config.outputChannels() * voxels];
			final float[] noise = { 0.5f };
			System.out.println("forward_s " + median(repetitions, () -> function.evaluate(1,
				FORWARD_SIZE, FORWARD_SIZE, FORWARD_SIZE, input, noise, null, output)));
		}
	}

	/** One step on fixed random inputs and target, built afresh in a per-step manager as training does. */
	/**
	 * One training step of {@code network} on a fixed random batch of 4 × 32³: forward, mean-squared
	 * loss against a fixed random target, backward, clipped Adam step.
	 */
	public static Runnable trainingStep(final UNet3d network, final NDManager manager) {
		final NetworkConfig config = network.config();
		final int voxels = TRAIN_SIZE * TRAIN_SIZE * TRAIN_SIZE;
		final float[] x = NetworkTestSupport.random(TRAIN_BATCH * config.inputChannels() * voxels, 1);
		final float[] target = NetworkTestSupport.random(TRAIN_BATCH * config.outputChannels() * voxels, 2);
		final float[] noise = new float[TRAIN_BATCH];
		Arrays.fill(noise, 0.5f);
		final List<Parameter> parameters = new ArrayList<>();
		for (final Pair<String, Parameter> p : network.getParameters()) parameters.add(p.getValue());
		final AdamOptimizer adam = new AdamOptimizer(parameters, manager);
		final ParameterStore store = new ParameterStore(manager, false);
		return () -> {
			try (NDManager step = manager.newSubManager();
				GradientCollector collector = Engine.getInstance().newGradientCollector())
			{
				final NDArray out = network.apply(store, step.create(x, new Shape(TRAIN_BATCH, config
					.inputChannels(), TRAIN_SIZE, TRAIN_SIZE, TRAIN_SIZE)), step.create(noise), null, true);
				collector.backward(out.sub(step.create(target, out.getShape())).square().mean());
			}
			adam.step(LEARNING_RATE, CLIP_NORM);
		};
	}

	private static double median(final int repetitions, final Runnable work) {
		work.run();
		final double[] seconds = new double[repetitions];
		for (int i = 0; i < repetitions; i++) {
			final long start = System.nanoTime();
			work.run();
			seconds[i] = (System.nanoTime() - start) / 1e9;
		}
		return Medians.of(seconds);
	}
}
