package org.physgen.fiji;

import java.awt.GraphicsEnvironment;
import java.util.concurrent.CancellationException;

import org.physgen.volume.FailureReasons;
import org.physgen.volume.HeapBudget;
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
			refuse(command, FailureReasons.withFile(e));
		}
		catch (final OutOfMemoryError e) {
			refuse(command, "Java ran out of heap memory (its limit is " + HeapBudget.format(Runtime.getRuntime()
				.maxMemory()) + ") in spite of the estimate made before the work; " + HeapBudget.howToGetMore(
					Runtime.getRuntime().maxMemory() * 2.0) + ", or use a smaller size or batch");
		}
	}

	private static void refuse(final ContextCommand command, final String reason) {
		command.cancel(reason);
		if (!GraphicsEnvironment.isHeadless()) IJ.error("PhysGen", reason);
	}
}
