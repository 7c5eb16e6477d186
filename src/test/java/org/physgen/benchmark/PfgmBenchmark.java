package org.physgen.benchmark;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.physgen.pfgm.Denoiser;
import org.physgen.pfgm.HeunRun;
import org.physgen.pfgm.HeunSampler;
import org.physgen.pfgm.MeanSteering;
import org.physgen.pfgm.PerturbationKernel;
import org.physgen.pfgm.PhaseEncoding;
import org.physgen.pfgm.SigmaGrid;
import org.physgen.pfgm.VolumeShape;

/**
 * Wall-clock costs of the PFGM++ sampler outside the network, printed as a Markdown table: one
 * Heun step with a denoiser that does nothing (so only the sampler's own arithmetic and steering
 * are timed), a prior draw, and the decoding projection, at 64^3 and 128^3. Arguments: thread
 * counts; each case runs inside a new fork/join pool of that many threads.
 */
public final class PfgmBenchmark {

	private static final int WARMUP = 2;
	private static final int ROUNDS = 5;
	private static final int[] SIZES = { 64, 128 };
	private static final double D = 128;

	/** Leaves the denoised buffer as it is: the step is timed without any denoiser work. */
	private static final Denoiser NO_DENOISER = (shape, noisy, sigma, denoised) -> {};

	private PfgmBenchmark() {}

	public static void main(final String[] args) {
		final int[] threads = args.length == 0 ? new int[] { Runtime.getRuntime()
			.availableProcessors() } : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		for (final int t : threads) {
			System.out.printf(Locale.ROOT, "| case (%d thread%s, D = %.0f) | median s | best s | voxels/s (median) |%n",
				t, t == 1 ? "" : "s", D);
			System.out.println("|---|---:|---:|---:|");
			for (final int size : SIZES) {
				for (final int phases : new int[] { 2, 3 }) run(size, phases, t);
			}
			System.out.println();
		}
	}

	private static void run(final int size, final int phases, final int threads) {
		final VolumeShape shape = VolumeShape.forPhases(phases, size, size, size);
		final String label = String.format(Locale.ROOT, "%d^3, %d phases", size, phases);
		final long[] targets = targets(phases, shape.voxels());
		final HeunSampler sampler = new HeunSampler(PerturbationKernel.of(D), SigmaGrid.edm(64));
		final ForkJoinPool pool = new ForkJoinPool(threads);
		try {
			final HeunRun plain = pool.submit(() -> sampler.start(NO_DENOISER, shape, 1, 1)).join();
			measure(pool, label + ": Heun step without denoiser", shape.voxels(), () -> {
				plain.step();
				return plain;
			});
			final HeunRun steered = pool.submit(() -> sampler.withSteering(MeanSteering.toward(
				targets)).start(NO_DENOISER, shape, 1, 1)).join();
			measure(pool, label + ": Heun step without denoiser, mean steering", shape.voxels(),
				() -> {
					steered.step();
					return steered;
				});
			measure(pool, label + ": prior draw at sigma_max", shape.voxels(), () -> sampler.kernel()
				.prior(shape.length(), SigmaGrid.SIGMA_MAX, 3, 0));
			final float[] x = randomSample(shape);
			measure(pool, label + ": decode with exact projection", shape.voxels(), () -> PhaseEncoding
				.decode(x, shape, targets, 1));
		}
		finally {
			pool.shutdown();
		}
	}

	/** 20 % of phase 1 for two phases; 45/40/15 % for three. */
	private static long[] targets(final int phases, final long voxels) {
		if (phases == 2) return new long[] { voxels - Math.round(0.2 * voxels), Math.round(0.2 * voxels) };
		final long second = Math.round(0.4 * voxels);
		final long third = Math.round(0.15 * voxels);
		return new long[] { voxels - second - third, second, third };
	}

	private static float[] randomSample(final VolumeShape shape) {
		final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
		final float[] x = new float[shape.length()];
		for (int k = 0; k < x.length; k++) x[k] = rng.nextFloat() * 2 - 1;
		return x;
	}

	private static void measure(final ForkJoinPool pool, final String name, final long voxels,
		final Supplier<Object> work)
	{
		for (int i = 0; i < WARMUP; i++) pool.submit(work::get).join();
		final double[] seconds = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			final long t0 = System.nanoTime();
			pool.submit(work::get).join();
			seconds[i] = (System.nanoTime() - t0) / 1e9;
		}
		Arrays.sort(seconds);
		final double median = seconds[ROUNDS / 2];
		System.out.printf(Locale.ROOT, "| %s | %.4f | %.4f | %.3g |%n", name, median, seconds[0],
			voxels / median);
	}
}
