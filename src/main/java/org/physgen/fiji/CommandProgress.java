package org.physgen.fiji;

import java.awt.GraphicsEnvironment;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;

import ij.IJ;

/** Progress in Fiji's status bar, and cancellation by the command's cancel or by Esc in ImageJ. */
final class CommandProgress {

	private static final int STEPS = 1000;

	private CommandProgress() {}

	static DoubleConsumer of(final StatusService status, final String message) {
		if (status == null) return f -> {};
		status.showStatus(message + "...");
		return f -> status.showProgress((int) Math.round(Math.max(0, Math.min(1, f)) * STEPS), STEPS);
	}

	static BooleanSupplier cancelled(final ContextCommand command) {
		final boolean interactive = !GraphicsEnvironment.isHeadless();
		return () -> command.isCanceled() || interactive && IJ.escapePressed();
	}
}
