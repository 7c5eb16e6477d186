package org.physgen.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.physgen.mass.BinaryProjection;
import org.physgen.mass.PhaseAssignment;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.VoxelSize;

/**
 * Wall-clock benchmarks printed as a Markdown table (run through {@code scripts/benchmark}). Each
 * case runs warm-up rounds, then timed rounds (five, or three for cases slower than two seconds);
 * the table gives the median and the fastest round.
 * Arguments: the edge length of the cubic volume, then the thread counts to measure; every case
 * runs inside a fork/join pool of that many threads (and the FFT library gets the same count).
 */
public final class FoundationBenchmark {

	private static final int WARMUP = 2;
	private static final int ROUNDS = 5;
	/** Cases slower than this get one warm-up and three timed rounds, to keep the run short. */
	private static final double SLOW_SECONDS = 2;

	private FoundationBenchmark() {}

	public static void main(final String[] args) {
		final int size = args.length > 0 ? Integer.parseInt(args[0]) : 256;
		for (int a = 1; a < Math.max(2, args.length); a++) {
			final int threads = args.length > a ? Integer.parseInt(args[a]) : Runtime.getRuntime().availableProcessors();
			final ForkJoinPool pool = new ForkJoinPool(threads);
			pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(threads);
			run(size, threads, task -> pool.submit(task::get).join());
			pool.shutdown();
			System.out.println();
		}
	}

	private static void run(final int size, final int threads, final Function<Supplier<Object>, Object> inPool) {
		final long n = (long) size * size * size;
		System.out.printf(Locale.ROOT, "| case (%d^3 = %,d voxels, %d thread%s) | median s | best s | voxels/s (median) |%n",
			size, n, threads, threads == 1 ? "" : "s");
		System.out.println("|---|---:|---:|---:|");

		final float[][] scores = randomScores(size, 1);
		final Timer time = (name, voxels, work) -> measure(name, voxels, () -> inPool.apply(work));
		time.run("binary top-M projection, random scores, M = 0.2 N", n,
			() -> BinaryProjection.topM(scores, Math.round(0.2 * n), 1));
		final float[][] ties = quantised(scores, 4);
		time.run("binary top-M projection, 4 tied levels", n, () -> BinaryProjection.topM(ties, Math.round(0.2 * n), 1));
		final float[][][] three = { randomScores(size, 2), randomScores(size, 3), randomScores(size, 4) };
		final long[] targets = { n - Math.round(0.4 * n) - Math.round(0.15 * n), Math.round(0.4 * n), Math.round(0.15 * n) };
		time.run("3-phase assignment, random scores, 0.45/0.40/0.15", n, () -> PhaseAssignment.assign(three, targets, 1));

		time.run("generator gaussian_field, 0.2, corr. length 4", n,
			() -> generate(SyntheticKind.GAUSSIAN_FIELD, size, 0.2));
		time.run("generator spheres, 0.6, mean radius 6", n, () -> generate(SyntheticKind.SPHERES, size, 0.6));
		time.run("generator electrode, 0.40/0.15, mean radius 6", n,
			() -> generate(SyntheticKind.ELECTRODE, size, 0.40, 0.15));
	}

	private static Object generate(final SyntheticKind kind, final int size, final double... fractions) {
		return SyntheticMicrostructures.generate(new SyntheticSpec(kind, size, size, size, fractions, 4.0, 6.0,
			false, 7, VoxelSize.DEFAULT));
	}

	private static float[][] randomScores(final int size, final long seed) {
		final float[][] s = new float[size][size * size];
		IntStream.range(0, size).parallel().forEach(z -> {
			final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { seed, z + 1 });
			for (int i = 0; i < s[z].length; i++) s[z][i] = rng.nextFloat();
		});
		return s;
	}

	private static float[][] quantised(final float[][] scores, final int levels) {
		final float[][] q = new float[scores.length][];
		for (int z = 0; z < q.length; z++) {
			q[z] = new float[scores[z].length];
			for (int i = 0; i < q[z].length; i++) q[z][i] = (float) Math.floor(scores[z][i] * levels);
		}
		return q;
	}

	@FunctionalInterface
	private interface Timer {

		void run(String name, long voxels, Supplier<Object> work);
	}

	private static void measure(final String name, final long voxels, final Supplier<Object> work) {
		final long w0 = System.nanoTime();
		work.get();
		final boolean slow = (System.nanoTime() - w0) / 1e9 > SLOW_SECONDS;
		for (int i = 1; i < (slow ? 1 : WARMUP); i++) work.get();
		final List<Double> seconds = new ArrayList<>();
		for (int i = 0; i < (slow ? 3 : ROUNDS); i++) {
			final long t0 = System.nanoTime();
			work.get();
			seconds.add((System.nanoTime() - t0) / 1e9);
		}
		final double[] sorted = seconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		final double median = sorted[sorted.length / 2];
		System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.3g |%n", name, median, sorted[0], voxels / median);
	}
}
