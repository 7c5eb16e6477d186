package org.physgen.train;

/** Receives generation progress and may cancel it (cancelling throws CancellationException). */
public interface GenerationListener {

	GenerationListener NONE = new GenerationListener() {};

	/**
	 * @param finished volumes completed so far
	 * @param total volumes requested
	 * @param current progress of the volumes being sampled now, 0..1
	 */
	default void progress(final int finished, final int total, final double current) {}

	default boolean cancelled() {
		return false;
	}

	/** Log lines: network evaluations, repaired fraction, projection flips. */
	default void log(final String message) {}
}
