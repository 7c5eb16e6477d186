package org.physgen.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Runs helper processes of the benchmarks and collects what they print. */
final class Commands {

	private Commands() {}

	/** Standard output and error of {@code command} together; empty when it cannot be started. */
	static String output(final String... command) {
		try {
			return run(List.of(command)).output();
		}
		catch (final UncheckedIOException e) {
			return "";
		}
	}

	/**
	 * Runs {@code command} to its end.
	 *
	 * @throws UncheckedIOException when it cannot be started
	 */
	static Result run(final List<String> command) {
		try {
			final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
			final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			return new Result(process.waitFor(), output);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while running " + command, e);
		}
	}

	/** Exit status and output of a finished process. */
	record Result(int status, String output) {}
}
