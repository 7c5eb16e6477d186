package org.physgen.model;

/** Receives generation progress and may cancel it (cancelling throws CancellationException). */
public interface GenerationListener {

	GenerationListener NONE = new GenerationListener() {};

	/** Called after every sampler step and after every finished batch. */
	default void progress(final GenerationProgress progress) {}

	default boolean cancelled() {
		return false;
	}

	/** Log lines: network evaluations, repaired fraction, projection flips. */
	default void log(final String message) {}
}
