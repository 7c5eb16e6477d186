package org.physgen.fiji;

import java.awt.GraphicsEnvironment;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.DoubleConsumer;

import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationProgress;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;

/**
 * Connects the library's listeners to a command: progress in Fiji's status bar, log lines in the
 * log (the terminal when headless), and cancellation by the command's cancel or Esc.
 */
final class ProgressListeners {

	/** Headless runs print a progress line at most this often. */
	private static final long LINE_INTERVAL_NANOS = 10_000_000_000L;

	private ProgressListeners() {}

	/** Log lines to the command's log (the terminal when headless), dropped when it has none. */
	static Consumer<String> lines(final LogService log) {
		return line -> {
			if (log != null) log.info(line);
		};
	}

	static GenerationListener generation(final ContextCommand command, final StatusService status,
		final LogService log, final String message)
	{
		final DoubleConsumer bar = CommandProgress.of(status, message);
		final BooleanSupplier cancelled = CommandProgress.cancelled(command);
		final boolean headless = GraphicsEnvironment.isHeadless();
		return new GenerationListener() {

			private long lastLine = System.nanoTime();

			@Override
			public void progress(final GenerationProgress progress) {
				bar.accept(progress.fraction());
				final long now = System.nanoTime();
				if (now - lastLine >= LINE_INTERVAL_NANOS) {
					lastLine = now;
					if (status != null) status.showStatus(message + ": " + progress.describe());
					if (headless && log != null) log.info(message + ": " + progress.describe());
				}
			}

			@Override
			public boolean cancelled() {
				return cancelled.getAsBoolean();
			}

			@Override
			public void log(final String line) {
				if (log != null) log.info(line);
			}
		};
	}

	static TrainingListener training(final ContextCommand command, final StatusService status,
		final LogService log)
	{
		final BooleanSupplier cancelled = CommandProgress.cancelled(command);
		final boolean headless = GraphicsEnvironment.isHeadless();
		return new TrainingListener() {

			private long lastLine = System.nanoTime() - LINE_INTERVAL_NANOS;

			@Override
			public void progress(final TrainingProgress progress) {
				if (status != null) {
					status.showStatus((int) Math.min(Integer.MAX_VALUE, progress.step()),
						(int) Math.min(Integer.MAX_VALUE, progress.totalSteps()), "Training: " + progress.describe());
				}
				final long now = System.nanoTime();
				if (headless && log != null && (now - lastLine >= LINE_INTERVAL_NANOS
					|| progress.step() == progress.totalSteps()))
				{
					lastLine = now;
					log.info(progress.describe());
				}
			}

			@Override
			public boolean cancelled() {
				return cancelled.getAsBoolean();
			}

			@Override
			public void log(final String line) {
				if (log != null) log.info(line);
			}
		};
	}
}
