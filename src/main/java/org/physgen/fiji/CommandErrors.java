package org.physgen.fiji;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.CancellationException;

import org.physgen.volume.FailureReasons;
import org.scijava.command.ContextCommand;

import ij.IJ;

/**
 * Turns bad input into a cancelled command with the message as the reason, so the headless runner
 * prints it and exits non-zero, and Fiji shows it in a dialog instead of a stack trace.
 */
final class CommandErrors {

	private CommandErrors() {}

	static void run(final ContextCommand command, final Runnable body) {
		try {
			body.run();
		}
		catch (final CancellationException e) {
			command.cancel("cancelled");
		}
		catch (final IllegalArgumentException | IllegalStateException e) {
			final String reason = FailureReasons.of(e);
			command.cancel(reason);
			if (!GraphicsEnvironment.isHeadless()) IJ.error("PhysGen", reason);
		}
	}
}
