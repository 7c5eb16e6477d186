package org.physgen.train;

/** Receives training progress and may ask training to stop; a stop still writes a checkpoint. */
public interface TrainingListener {

	TrainingListener NONE = new TrainingListener() {};

	default void progress(final TrainingProgress progress) {}

	/** Polled between steps; true ends training after writing a valid, resumable checkpoint. */
	default boolean cancelled() {
		return false;
	}

	/** Log lines: checkpoints written, device warnings, the loss curve file. */
	default void log(final String message) {}
}
