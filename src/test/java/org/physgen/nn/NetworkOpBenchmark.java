package org.physgen.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

/**
 * Alternating A/B timings of the U-Net's elementwise building blocks in two formulations each, on
 * the shapes of the default network's first level: forward at [1, 32, 64, 64, 64] without gradients
 * (generation at 64³) and forward + backward at [4, 32, 32, 32, 32] (a training step at 32³). Prints
 * the median milliseconds over the rounds and the largest difference between the two formulations'
 * values and input gradients. Not a test: run with
 * {@code java -cp ... org.physgen.nn.NetworkOpBenchmark [rounds=7]} (1 thread).
 */
public final class NetworkOpBenchmark {

	private static final int CHANNELS = 32;
	private static final int GROUPS = 8;

	private static final LibtorchFunction PAD = new LibtorchFunction("circular-padding", List.of("x"),
		"return torch.pad(x, [1, 1, 1, 1, 1, 1], \"circular\")");

	private NetworkOpBenchmark() {}

	/** One formulation of an operation: its name and what it computes from x and fixed operands. */
	private record Variant(String name, Function<NDArray, NDArray> op) {}

	/** Two formulations of one operation, and the input channels and size scale they take. */
	private record Candidate(String name, Variant a, Variant b, int channels, int scale) {}

	public static void main(final String[] args) {
		int rounds = 7;
		for (final String a : args) {
			if (a.startsWith("rounds=")) rounds = Integer.parseInt(a.substring(7));
		}
		DjlRuntime.start(1, line -> {});
		DjlRuntime.recordNoGradientsOnThisThread();
		try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
			final NDArray gamma = manager.create(NetworkTestSupport.random(CHANNELS, 5), new Shape(CHANNELS, 1, 1,
				1));
			final NDArray beta = manager.create(NetworkTestSupport.random(CHANNELS, 6), new Shape(CHANNELS, 1, 1,
				1));
			final List<Candidate> candidates = candidates(manager, gamma, beta);
			System.out.println("| operation | A | B | forward 64³ A ms | B ms | fwd+bwd 4×32³ A ms | B ms | " +
				"max |A−B| value | max |A−B| gradient |");
			System.out.println("|---|---|---|---:|---:|---:|---:|---:|---:|");
			for (final Candidate c : candidates) {
				final double[] forward = alternate(manager, c, rounds, 1, 64, false);
				final double[] training = alternate(manager, c, rounds, 4, 32, true);
				final double[] diff = differences(manager, c);
				System.out.printf(Locale.ROOT, "| %s | %s | %s | %.1f | %.1f | %.1f | %.1f | %.2g | %.2g |%n", c
					.name(), c.a().name(), c.b().name(), forward[0], forward[1], training[0], training[1], diff[0],
					diff[1]);
			}
		}
	}

	private static List<Candidate> candidates(final NDManager manager, final NDArray gamma,
		final NDArray beta)
	{
		final GroupNorm3d norm = new GroupNorm3d(CHANNELS, GROUPS);
		final NDArray scale = manager.create(NetworkTestSupport.random(4 * CHANNELS, 7), new Shape(4, CHANNELS,
			1, 1, 1));
		final NDArray shift = manager.create(NetworkTestSupport.random(4 * CHANNELS, 8), new Shape(4, CHANNELS,
			1, 1, 1));
		final List<Candidate> list = new ArrayList<>();
		list.add(new Candidate("SiLU", new Variant("x·sigmoid(x)", x -> x.mul(ai.djl.nn.Activation.sigmoid(
			x))), new Variant("torch.silu", x -> LibtorchOps.SILU.apply(x)), CHANNELS, 1));
		list.add(new Candidate("GroupNorm", new Variant("batchNorm, ·γ, +β", x -> normalise(x).mul(gamma).add(
			beta)), new Variant("torch.group_norm", x -> LibtorchOps.groupNorm(GROUPS).apply(x, gamma, beta)), CHANNELS,
			1));
		list.add(new Candidate("adaptive GroupNorm", new Variant("GroupNorm, ·(1 + scale), +shift", x -> LibtorchOps
			.groupNorm(GROUPS).apply(x, gamma, beta).mul(items(scale, x).add(1)).add(items(shift, x))), new Variant(
				"group_norm, addcmul (folded)", x -> LibtorchOps.adaptiveGroupNorm(GROUPS).apply(x, gamma, beta, items(
					scale, x), items(shift, x))), CHANNELS, 1));
		list.add(new Candidate("upsample ×2", new Variant("3 × repeat", x -> x.repeat(2, 2).repeat(3, 2)
			.repeat(4, 2)), new Variant("upsample_nearest3d", x -> LibtorchOps.UPSAMPLE.apply(x)), 2 * CHANNELS, 2));
		list.add(new Candidate("circular pad", new Variant("torch.pad", x -> PAD.apply(x)), new Variant(
			"3 × index_select (CircularPadding when recording)", CircularPadding::pad), CHANNELS, 1));
		return list;
	}

	/** The first N items of a [4, C, 1, 1, 1] per-item operand, for x of batch N. */
	private static NDArray items(final NDArray perItem, final NDArray x) {
		return perItem.get("0:" + x.getShape().get(0));
	}

	private static NDArray normalise(final NDArray x) {
		final Shape shape = x.getShape();
		final long slots = shape.get(0) * GROUPS;
		final NDManager m = x.getManager();
		final NDArray grouped = x.reshape(1, slots, -1);
		return grouped.getNDArrayInternal().batchNorm(grouped, m.zeros(new Shape(slots)), m.ones(new Shape(
			slots)), m.ones(new Shape(slots)), m.zeros(new Shape(slots)), -1, 0, GroupNorm3d.EPSILON, true)
			.singletonOrThrow().reshape(shape);
	}

	/** Median milliseconds of A and of B, alternating, after one warm-up each. */
	private static double[] alternate(final NDManager manager, final Candidate c, final int rounds,
		final int batch, final int size, final boolean backward)
	{
		final int edge = size / c.scale();
		final float[] values = NetworkTestSupport.random(batch * c.channels() * edge * edge * edge, 9);
		final Shape shape = new Shape(batch, c.channels(), edge, edge, edge);
		final double[][] ms = new double[2][rounds];
		for (int r = -1; r < rounds; r++) {
			for (int v = 0; v < 2; v++) {
				final Variant variant = v == 0 ? c.a() : c.b();
				try (NDManager call = manager.newSubManager()) {
					final NDArray x = call.create(values, shape);
					final long start = System.nanoTime();
					if (backward) {
						try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
							x.setRequiresGradient(true);
							g.backward(variant.op().apply(x).sum());
						}
					}
					else variant.op().apply(x);
					if (r >= 0) ms[v][r] = (System.nanoTime() - start) / 1e6;
				}
			}
		}
		return new double[] { median(ms[0]), median(ms[1]) };
	}

	/** Largest differences of the values and of the input gradients (of a random weighting) at 2×8³. */
	private static double[] differences(final NDManager manager, final Candidate c) {
		final int edge = 8;
		final Shape shape = new Shape(4, c.channels(), edge, edge, edge);
		final float[] values = NetworkTestSupport.random((int) shape.size(), 10);
		final NDArray[] out = new NDArray[2];
		final NDArray[] grad = new NDArray[2];
		for (int v = 0; v < 2; v++) {
			final NDArray x = manager.create(values, shape);
			x.setRequiresGradient(true);
			try (GradientCollector g = Engine.getInstance().newGradientCollector()) {
				out[v] = (v == 0 ? c.a() : c.b()).op().apply(x);
				final NDArray weights = manager.create(NetworkTestSupport.random((int) out[v].size(), 11), out[v]
					.getShape());
				g.backward(out[v].mul(weights).sum());
			}
			grad[v] = x.getGradient();
		}
		return new double[] { out[0].sub(out[1]).abs().max().getFloat(), grad[0].sub(grad[1]).abs().max()
			.getFloat() };
	}

	private static double median(final double[] values) {
		final double[] s = values.clone();
		Arrays.sort(s);
		return s[s.length / 2];
	}
}
