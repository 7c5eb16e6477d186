package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.physgen.evaluation.BenchmarkSettings;
import org.physgen.evaluation.FidelityBenchmark;

/**
 * {@code scripts/benchmark fidelity VOLUME [key=value...]}: the held-out fidelity benchmark of SPEC
 * §14 ({@link FidelityBenchmark}); prints the table it writes. Options: see {@link BenchmarkSettings}.
 */
public final class FidelitySuite {

	private FidelitySuite() {}

	public static void main(final String[] args) throws IOException {
		if (args.length == 0) {
			System.err.println("usage: scripts/benchmark fidelity VOLUME [pore=G] [size=64] [held_out=8] [steps=4000] "
				+ "[minutes=60] [channels=8] [crop_size=16] [batch=4] [learning_rate=0.002] [threads=0] [seed=1] "
				+ "[families=dsd+pfgmpp|dsd|pfgmpp|none] [output_dir=target/fidelity-NAME]");
			System.exit(2);
		}
		final BenchmarkSettings settings;
		try {
			settings = BenchmarkSettings.parse(Path.of(args[0]), Arrays.asList(args).subList(1, args.length));
		}
		catch (final IllegalArgumentException e) {
			System.err.println("benchmark fidelity: " + e.getMessage());
			System.exit(2);
			return;
		}
		final FidelityBenchmark.Result result = FidelityBenchmark.run(settings, line -> System.err.println(line));
		System.out.println(Files.readString(result.table()));
		System.out.println("Picture: " + result.picture());
	}
}
