package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.physgen.metrics.ConnectedComponents;
import org.physgen.metrics.Connectivity;
import org.physgen.metrics.DistanceTransform;
import org.physgen.metrics.LocalThickness;
import org.physgen.metrics.Tortuosity;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.physgen.volume.VoxelSize;

/**
 * Wall-clock times of the distance transform, local thickness, connected components and tortuosity
 * on a 256^3 three-phase volume: ../shared/data/electrode/electrode.tiff when present, else a
 * synthetic electrode. Arguments: the thread counts to measure; every case runs inside a new
 * fork/join pool of that many threads. Prints a Markdown table (median and fastest of the rounds).
 */
public final class MetricsBBenchmark {

	private static final int WARMUP = 1;
	private static final int ROUNDS = 3;
	private static final Path ELECTRODE = Path.of("..", "shared", "data", "electrode", "electrode.tiff");

	private MetricsBBenchmark() {}

	public static void main(final String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		final boolean real = Files.isRegularFile(ELECTRODE);
		final LabelVolume volume = real ? VolumeReader.read(ELECTRODE) : SyntheticMicrostructures.generate(
			new SyntheticSpec(SyntheticKind.ELECTRODE, 256, 256, 256, new double[] { 0.40, 0.15 }, 4.0, 6.0,
				false, 7, VoxelSize.DEFAULT));
		final String source = real ? "electrode.tiff" : "synthetic electrode";
		final int[] threadCounts = args.length == 0 ? new int[] { Runtime.getRuntime().availableProcessors() }
			: Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		for (final int threads : threadCounts) {
			System.out.printf(Locale.ROOT, "| metric (%s, %d x %d x %d, %d thread%s) | median s | best s |%n",
				source, volume.sizeX(), volume.sizeY(), volume.sizeZ(), threads, threads == 1 ? "" : "s");
			System.out.println("|---|---:|---:|");
			final ForkJoinPool pool = new ForkJoinPool(threads);
			final Case run = (name, work) -> measure(name, () -> pool.submit(work::get).join());
			run.time("distance transform, pore", () -> DistanceTransform.compute(volume, 0));
			run.time("local thickness, pore", () -> LocalThickness.compute(volume, 0));
			run.time("local thickness, NMC", () -> LocalThickness.compute(volume, 1));
			run.time("connected components + spanning, pore, 6-conn.", () -> ConnectedComponents.analyse(volume,
				0, Connectivity.SIX));
			run.time("connected components + spanning, pore, 26-conn.", () -> ConnectedComponents.analyse(volume,
				0, Connectivity.TWENTY_SIX));
			run.time("tortuosity, pore, z, 1 % flux spread", () -> Tortuosity.compute(volume, 0, 2));
			pool.shutdown();
			System.out.println();
		}
	}

	@FunctionalInterface
	private interface Case {

		void time(String name, Supplier<Object> work);
	}

	private static void measure(final String name, final Supplier<Object> work) {
		for (int i = 0; i < WARMUP; i++) work.get();
		final double[] seconds = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			final long t0 = System.nanoTime();
			work.get();
			seconds[i] = (System.nanoTime() - t0) / 1e9;
		}
		Arrays.sort(seconds);
		System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", name, seconds[ROUNDS / 2], seconds[0]);
	}
}
