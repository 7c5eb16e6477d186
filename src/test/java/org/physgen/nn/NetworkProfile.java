package org.physgen.nn;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.physgen.benchmark.NetworkTiming;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Where the default DSD network (32·(1,2,2), periodic) spends its time on the CPU, op by op:
 * libtorch's profiler around one 64³ batch-1 forward pass as generation runs it and one training
 * step at 4×32³ (forward, mean-squared loss, backward, Adam), printed as Markdown tables of the
 * libtorch operators with their summed wall time (nested operators count inside their callers too,
 * so {@code aten::conv3d} includes {@code aten::mkldnn_convolution}). Not a test: run with
 * {@code java -cp ... org.physgen.nn.NetworkProfile [threads=1] [top=25]}.
 */
public final class NetworkProfile {

	private NetworkProfile() {}

	public static void main(final String[] args) throws IOException {
		int threads = 1;
		int top = 25;
		for (final String a : args) {
			if (a.startsWith("threads=")) threads = Integer.parseInt(a.substring(8));
			else if (a.startsWith("top=")) top = Integer.parseInt(a.substring(4));
		}
		DjlRuntime.start(threads, line -> {});
		DjlRuntime.recordNoGradientsOnThisThread();
		final NetworkConfig config = NetworkConfig.standard(1, 6, 0, true);
		final NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE);
		try (BlockNetworkFunction function = new BlockNetworkFunction(UNet3d.create(config, manager, 1),
			manager))
		{
			final int size = 64;
			final float[] input = NetworkTestSupport.random(size * size * size, 1);
			final float[] output = new float[6 * size * size * size];
			final Runnable forward = () -> function.evaluate(1, size, size, size, input, new float[] {
				0.5f }, null, output);
			print("Forward pass, 64³, batch 1", profile(forward), top);
			print("Training step, 32³, batch 4", profile(NetworkTiming.trainingStep(function.network(), manager)), top);
		}
	}

	/** Runs {@code work} once to warm up, then once under the profiler; per operator: [ms, calls]. */
	private static Map<String, double[]> profile(final Runnable work) throws IOException {
		work.run();
		final Path trace = Files.createTempFile("physgen-profile-", ".json");
		try {
			final long start = System.nanoTime();
			JniUtils.startProfile(false, false, false);
			work.run();
			JniUtils.stopProfile(trace.toString());
			System.out.printf(Locale.ROOT, "(wall time under the profiler: %.3f s)%n", (System.nanoTime() -
				start) / 1e9);
			final Map<String, double[]> totals = new HashMap<>();
			try (Reader reader = Files.newBufferedReader(trace)) {
				final JsonElement root = JsonParser.parseReader(reader);
				final Iterable<JsonElement> events = root.isJsonArray() ? root.getAsJsonArray() : root
					.getAsJsonObject().getAsJsonArray("traceEvents");
				for (final JsonElement e : events) {
					final JsonObject o = e.getAsJsonObject();
					if (!o.has("dur") || !o.has("name")) continue;
					final double[] t = totals.computeIfAbsent(o.get("name").getAsString(), k -> new double[2]);
					t[0] += o.get("dur").getAsDouble() / 1000;
					t[1]++;
				}
			}
			return totals;
		}
		finally {
			Files.deleteIfExists(trace);
		}
	}

	private static void print(final String title, final Map<String, double[]> totals, final int top) {
		System.out.println(title + ":");
		System.out.println();
		System.out.println("| operator | ms | calls |");
		System.out.println("|---|---:|---:|");
		totals.entrySet().stream().sorted((a, b) -> Double.compare(b.getValue()[0], a.getValue()[0])).limit(
			top).forEach(e -> System.out.printf(Locale.ROOT, "| %s | %.1f | %d |%n", e.getKey(), e
				.getValue()[0], (long) e.getValue()[1]));
		System.out.println();
	}
}
