package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.physgen.metrics.ChordLengths;
import org.physgen.metrics.EulerCharacteristic;
import org.physgen.metrics.LinealPath;
import org.physgen.metrics.PhaseFractions;
import org.physgen.metrics.SpecificSurface;
import org.physgen.metrics.TwoPointCorrelation;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.physgen.volume.VoxelSize;

/**
 * Wall-clock times of the phase fraction, S2, lineal path, chord, surface and Euler metrics for phase 0
 * of a 256³ volume (Ketton from ../shared/data when present, else a synthetic Gaussian-field rock),
 * printed as a Markdown table. Arguments: the thread counts to measure; each case runs inside a
 * fork/join pool of that many threads, and the FFT library gets the same count.
 */
public final class MetricsABenchmark {

	private static final int WARMUP = 1;
	private static final int ROUNDS = 3;
	private static final Path KETTON = Path.of("..", "shared", "data", "ketton", "ketton.zip");

	private MetricsABenchmark() {}

	public static void main(final String[] args) throws IOException {
		System.setProperty("java.awt.headless", "true");
		final LabelVolume volume;
		final String source;
		if (Files.isRegularFile(KETTON)) {
			volume = VolumeReader.read(KETTON);
			source = "Ketton 256^3, pore";
		}
		else {
			volume = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, 256, 256,
				256, new double[] { 0.13 }, 4.0, 6.0, false, 7, VoxelSize.DEFAULT));
			source = "synthetic Gaussian field 256^3, phase 0";
		}
		final int[] threadCounts = args.length == 0 ? new int[] { Runtime.getRuntime().availableProcessors() }
			: Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
		for (final int threads : threadCounts) {
			final ForkJoinPool pool = new ForkJoinPool(threads);
			pl.edu.icm.jlargearrays.ConcurrencyUtils.setNumberOfThreads(threads);
			System.out.printf(Locale.ROOT, "| metric (%s, %d thread%s) | median s | best s |%n", source, threads,
				threads == 1 ? "" : "s");
			System.out.println("|---|---:|---:|");
			final Case time = (name, work) -> measure(name, () -> pool.submit(work::get).join());
			time.run("phase fractions", () -> PhaseFractions.of(volume));
			time.run("S2 directional, r = 0..32, 3 axes", () -> TwoPointCorrelation.directional(volume, 0, 32));
			time.run("S2 radial, periodic FFT, r = 0..32", () -> TwoPointCorrelation.radialPeriodic(volume, 0,
				32));
			time.run("S2 radial, zero-padded FFT (288^3), r = 0..32", () -> TwoPointCorrelation.radialZeroPadded(
				volume, 0, 32));
			time.run("lineal path, n = 1..32, 3 axes", () -> LinealPath.of(volume, 0, 32));
			time.run("chord lengths, 3 axes", () -> ChordLengths.of(volume, 0));
			time.run("specific surface (faces)", () -> SpecificSurface.of(volume, 0));
			time.run("Euler characteristic chi6 + chi26", () -> EulerCharacteristic.of(volume, 0));
			pool.shutdown();
			System.out.println();
		}
	}

	private interface Case {

		void run(String name, Supplier<Object> work);
	}

	private static void measure(final String name, final Runnable work) {
		for (int i = 0; i < WARMUP; i++) work.run();
		final double[] seconds = new double[ROUNDS];
		for (int i = 0; i < ROUNDS; i++) {
			final long start = System.nanoTime();
			work.run();
			seconds[i] = (System.nanoTime() - start) * 1e-9;
		}
		Arrays.sort(seconds);
		System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f |%n", name, seconds[ROUNDS / 2], seconds[0]);
	}
}
