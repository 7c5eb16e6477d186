package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.physgen.evaluation.AugDimSweep;
import org.physgen.evaluation.AugDimSweepSettings;

/**
 * {@code scripts/benchmark pfgm-d VOLUME [key=value...]}: the D sweep of SPEC §5 ({@link AugDimSweep});
 * prints the summary and the §14 table it writes. Options: see {@link AugDimSweepSettings}.
 */
public final class AugDimSweepSuite {

	private AugDimSweepSuite() {}

	public static void main(final String[] args) throws IOException {
		if (args.length == 0) {
			System.err.println("usage: scripts/benchmark pfgm-d VOLUME [aug_dims=1,4,16,128,2048,inf] "
				+ "[sampler_steps=6,10,18] [network_errors=0,0.05,0.1] [pore=G] [size=64] [held_out=8] [steps=4000] "
				+ "[minutes=60] [channels=8] [crop_size=16] [batch=4] [learning_rate=0.002] [threads=0] [seed=1] "
				+ "[output_dir=target/pfgm-d-NAME]");
			System.exit(2);
		}
		final AugDimSweepSettings settings;
		try {
			settings = AugDimSweepSettings.parse(Path.of(args[0]), Arrays.asList(args).subList(1, args.length));
		}
		catch (final IllegalArgumentException e) {
			System.err.println("benchmark pfgm-d: " + e.getMessage());
			System.exit(2);
			return;
		}
		final AugDimSweep.Result result = AugDimSweep.run(settings, line -> System.err.println(line));
		System.out.println(Files.readString(result.summary()));
		System.out.println(Files.readString(result.table()));
		System.out.println("Plots: " + result.stepsPlot() + ", " + result.errorPlot());
	}
}
