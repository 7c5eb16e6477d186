package org.physgen.benchmark;

import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.RateModel;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.SamplerStarts;
import org.physgen.dsd.TauLeapListener;
import org.physgen.dsd.TauLeapSampler;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;

/**
 * DSD wall-clock benchmarks printed as a Markdown table: forward noising + targets of one 64^3
 * binary crop (porosity 0.2, independent random voxels) in particles/s at a mid and a late time
 * index, and one tau-leap step outside the network in voxels/s (the rate model only copies a fixed
 * rate array, and the tolerance is set so that the step covers the whole time span, with about
 * 10% of the particles moving). Arguments: thread counts; each case runs in a fork/join pool of
 * that size.
 */
public final class DsdBenchmark {

	private static final int SIZE = 64;
	private static final double POROSITY = 0.2;
	private static final double RATE = 0.13 * SIZE * SIZE;
	private static final int WARMUP = 3;
	private static final int ROUNDS = 9;

	private DsdBenchmark() {}

	public static void main(final String[] args) throws Exception {
		final int[] threads = args.length == 0 ? new int[] { Runtime.getRuntime()
			.availableProcessors() } : Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		final Grid grid = new Grid(SIZE, SIZE, SIZE, Boundary.PERIODIC);
		final Schedule schedule = Schedule.defaultSchedule();
		final byte[][] crop = crop(grid);
		long particles = 0;
		for (final byte[] slice : crop) {
			for (final byte label : slice) {
				particles += label;
			}
		}
		final ChannelMap channels = new ChannelMap(2, 0);
		final ForwardNoising noising = new ForwardNoising(grid, channels, RATE, schedule);
		final int[][] start = SamplerStarts.uniform(grid, new long[] { particles }, null, 1);
		final float[] fixedRates = fixedRates(grid, schedule);
		final RateModel copy = (shape, counts, time, rates) -> System.arraycopy(fixedRates, 0, rates, 0,
			rates.length);
		final TauLeapSampler sampler = new TauLeapSampler(grid, 1, schedule, copy);
		final SamplerSettings oneStep = new SamplerSettings(Tolerance.constant(Tolerance.DEFAULT),
			SamplerSettings.DEFAULT_MIN_STEP, 1);
		System.out.printf(Locale.ROOT, "DSD, %d^3 periodic, porosity %.1f (%,d particles), r = %.0f%n%n",
			SIZE, POROSITY, particles, RATE);
		System.out.println("| case | threads | median s | best s | throughput (median) |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (final int n : threads) {
			final ForkJoinPool pool = new ForkJoinPool(n);
			for (final int k : new int[] { 1000, 1999 }) {
				final long seed = k;
				measure(pool, "noising + targets, k = " + k + " (t = " + String.format(Locale.ROOT, "%.4g",
					schedule.time(k)) + ")", n, particles, "particles/s", () -> noising.noise(
						new byte[][][] { crop }, new int[] { k }, seed));
			}
			measure(pool, "tau-leap step without network", n, grid.voxels(), "voxels/s", () -> sampler
				.sample(new int[][][] { start }, null, oneStep, TauLeapListener.NONE, () -> false));
			pool.shutdown();
		}
	}

	private static byte[][] crop(final Grid grid) {
		final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(7L);
		final byte[][] crop = new byte[grid.sizeZ()][grid.sliceLength()];
		for (final byte[] slice : crop) {
			for (int i = 0; i < slice.length; i++) {
				slice[i] = (byte) (rng.nextDouble() < POROSITY ? 1 : 0);
			}
		}
		return crop;
	}

	/** Per-direction rates with total at most 0.1 / t_final, so one step spans the run. */
	private static float[] fixedRates(final Grid grid, final Schedule schedule) {
		final UniformRandomProvider rng = RandomSource.XO_RO_SHI_RO_128_PP.create(3L);
		final float[] rates = new float[new BatchShape(1, 1, grid).ratesLength()];
		final double scale = Tolerance.DEFAULT / 6 / schedule.finalTime();
		for (int i = 0; i < rates.length; i++) {
			rates[i] = (float) (scale * (0.5 + 0.5 * rng.nextDouble()));
		}
		return rates;
	}

	private static void measure(final ForkJoinPool pool, final String name, final int threads,
		final long units, final String unit, final Supplier<Object> work) throws Exception
	{
		for (int i = 0; i < WARMUP; i++) {
			pool.submit(work::get).get();
		}
		final double[] seconds = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			final long t0 = System.nanoTime();
			pool.submit(work::get).get();
			seconds[i] = (System.nanoTime() - t0) / 1e9;
		}
		Arrays.sort(seconds);
		final double median = seconds[ROUNDS / 2];
		System.out.printf(Locale.ROOT, "| %s | %d | %.4f | %.4f | %.3g %s |%n", name, threads, median,
			seconds[0], units / median, unit);
	}
}
