package org.physgen.benchmark;

import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.physgen.nn.NetworkConfig;

/**
 * {@code scripts/benchmark network [threads=N] [rounds=R] [repetitions=K]}: PhysGen's default DSD
 * network against its PyTorch twin {@code benchmarks/unet_peer.py} on the CPU. Each round runs
 * PhysGen ({@link NetworkTiming}) and then the peer, each in a fresh process, so that load that
 * comes and goes on a shared machine falls on both alike; each process reports the median of K
 * timed repetitions after a warm-up, and the table gives the median over the rounds of the
 * training step (DSD 32³, batch 4) and the forward pass (64³, batch 1), their ratio, the
 * convolutions' GFLOP/s ({@link ConvolutionFlops}; a training step counted as 3 forward passes)
 * and that as a share of the estimated peak ({@link PeakFlops}). It stops when the two networks'
 * parameter counts differ, and times PhysGen alone when no Python can import torch. Defaults:
 * 1 thread, 3 rounds, 3 repetitions.
 */
public final class NetworkBenchmark {

	private static final String PEER = "benchmarks/unet_peer.py";
	private static final List<String> PYTHONS = List.of("python3", "/usr/bin/python3");
	/** Backward ≈ 2 forward passes (gradients of the inputs and of the weights). */
	private static final double TRAINING_PASSES = 3;

	private NetworkBenchmark() {}

	public static void main(final String[] args) {
		final Map<String, String> options = options(args);
		final int threads = Integer.parseInt(options.getOrDefault("threads", "1"));
		final int rounds = Integer.parseInt(options.getOrDefault("rounds", "3"));
		final int repetitions = Integer.parseInt(options.getOrDefault("repetitions", "3"));
		final String loadAtStart = uptime();
		final PeakFlops peak = PeakFlops.estimate();
		final String python = torchPython();
		final Side physgen = new Side("PhysGen (DJL 0.35.1, libtorch 2.7.1)", List.of(Path.of(System
			.getProperty("java.home"), "bin", "java").toString(), "-Xmx4g", "-cp", System.getProperty(
				"java.class.path"), NetworkTiming.class.getName(), Integer.toString(threads), Integer
					.toString(repetitions)));
		final List<Side> sides = new ArrayList<>(List.of(physgen));
		if (!Files.exists(Path.of(PEER))) {
			throw new IllegalStateException(PEER + " not found: run from the repository root");
		}
		if (python == null) {
			System.out.println("PyTorch peer skipped: neither " + String.join(" nor ", PYTHONS) +
				" can import torch.");
		}
		else {
			sides.add(new Side("PyTorch", List.of(python, PEER, "--threads", Integer.toString(threads),
				"--repetitions", Integer.toString(repetitions))));
		}
		for (int round = 1; round <= rounds; round++) {
			for (final Side side : sides) side.run();
			if (round == 1 && sides.size() == 2) requireSameParameters(sides.get(0), sides.get(1));
		}
		final String loadAtEnd = uptime();
		final NetworkConfig config = NetworkTiming.defaultDsdNetwork();
		final double trainingFlops = TRAINING_PASSES * ConvolutionFlops.forward(config,
			NetworkTiming.TRAIN_SIZE, NetworkTiming.TRAIN_BATCH);
		final double forwardFlops = ConvolutionFlops.forward(config, NetworkTiming.FORWARD_SIZE, 1);
		System.out.printf(Locale.ROOT, "Default DSD network 32·(1,2,2), %d parameters, %d thread(s), " +
			"%d rounds of PhysGen then PyTorch, each the median of %d repetitions.%n", physgen.parameters(),
			threads, rounds, repetitions);
		System.out.println("Environment of both processes: MALLOC_ARENA_MAX=" + System.getenv().getOrDefault(
			"MALLOC_ARENA_MAX", "(unset)") + ", OMP_WAIT_POLICY=" + System.getenv().getOrDefault("OMP_WAIT_POLICY",
				"(unset)"));
		System.out.println("Load at start: " + loadAtStart);
		System.out.println("Load at end:   " + loadAtEnd);
		System.out.println("Peak: " + peak.how() + "; " + threads + " thread(s): " + String.format(
			Locale.ROOT, "%.0f GFLOP/s", peak.ofThreads(threads)));
		System.out.printf(Locale.ROOT, "Convolution FLOPs: %.1f G per training step (3 × forward), " +
			"%.1f G per 64³ forward.%n", trainingFlops / 1e9, forwardFlops / 1e9);
		System.out.println();
		System.out.println("| side | training step s (DSD 32³, batch 4) | forward s (64³, batch 1) | " +
			"training GFLOP/s | forward GFLOP/s | training % of peak | forward % of peak |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|");
		for (final Side side : sides) {
			final double training = side.median("training_s");
			final double forward = side.median("forward_s");
			System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.1f | %.1f | %.1f %% | %.1f %% |%n", side
				.name(), training, forward, trainingFlops / training / 1e9, forwardFlops / forward / 1e9,
				100 * trainingFlops / training / 1e9 / peak.gflops(), 100 * forwardFlops / forward / 1e9 /
					peak.gflops());
		}
		if (sides.size() == 2) {
			System.out.printf(Locale.ROOT, "| time PyTorch / PhysGen | %.2f | %.2f | | | | |%n", sides
				.get(1).median("training_s") / physgen.median("training_s"), sides.get(1).median("forward_s") /
					physgen.median("forward_s"));
		}
		System.out.println();
		System.out.println("Per round (training s, forward s):");
		for (final Side side : sides) {
			System.out.println("* " + side.name() + ": " + side.rounds());
		}
		System.out.println("(% of peak: of the whole machine's estimated peak.)");
	}

	private static void requireSameParameters(final Side physgen, final Side peer) {
		if (physgen.parameters() != peer.parameters()) {
			throw new IllegalStateException("the networks differ: PhysGen has " + physgen.parameters() +
				" parameters, the PyTorch peer " + peer.parameters());
		}
		System.out.println("Parameters: PhysGen " + physgen.parameters() + ", PyTorch peer " + peer
			.parameters() + " (equal); PyTorch " + peer.last.get("torch") + " with " + peer.python() + ".");
	}

	/** The first of {@link #PYTHONS} that can import torch, or null. */
	private static String torchPython() {
		for (final String python : PYTHONS) {
			try {
				if (Commands.run(List.of(python, "-c", "import torch")).status() == 0) return python;
			}
			catch (final UncheckedIOException notInstalled) {
				// try the next one
			}
		}
		return null;
	}

	private static String uptime() {
		return Commands.output("uptime").trim();
	}

	private static Map<String, String> options(final String[] args) {
		final Map<String, String> map = new HashMap<>();
		for (final String a : args) {
			final int eq = a.indexOf('=');
			if (eq < 0) throw new IllegalArgumentException("network: expected key=value, got " + a);
			map.put(a.substring(0, eq), a.substring(eq + 1));
		}
		return map;
	}

	/** One side of the comparison: its command and the figures of each round. */
	private static final class Side {

		private final String name;
		private final List<String> command;
		private final Map<String, List<Double>> values = new HashMap<>();
		private Map<String, String> last = Map.of();

		Side(final String name, final List<String> command) {
			this.name = name;
			this.command = command;
		}

		void run() {
			final Commands.Result result = Commands.run(command);
			final Map<String, String> lines = new HashMap<>();
			for (final String line : result.output().split("\n")) {
				final String[] kv = line.trim().split("\\s+", 2);
				if (kv.length == 2) lines.put(kv[0], kv[1]);
			}
			if (result.status() != 0 || !lines.containsKey("forward_s")) {
				throw new IllegalStateException(name + " failed (exit " + result.status() + "):\n" + result
					.output());
			}
			last = lines;
			for (final String key : List.of("training_s", "forward_s")) {
				values.computeIfAbsent(key, k -> new ArrayList<>()).add(Double.parseDouble(lines.get(key)));
			}
		}

		String name() {
			return name.startsWith("PyTorch") && last.containsKey("torch") ? "PyTorch " + last.get("torch")
				: name;
		}

		String python() {
			return command.get(0);
		}

		long parameters() {
			return Long.parseLong(last.get("parameters"));
		}

		double median(final String key) {
			return Medians.of(values.get(key));
		}

		String rounds() {
			final StringBuilder s = new StringBuilder();
			final List<Double> training = values.get("training_s");
			final List<Double> forward = values.get("forward_s");
			for (int i = 0; i < training.size(); i++) {
				if (i > 0) s.append("; ");
				s.append(String.format(Locale.ROOT, "%.3f, %.3f", training.get(i), forward.get(i)));
			}
			return s.toString();
		}
	}
}
