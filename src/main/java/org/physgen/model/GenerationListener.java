package org.physgen.model;

/** Receives generation progress and may cancel it (cancelling throws CancellationException). */
public interface GenerationListener {

	GenerationListener NONE = new GenerationListener() {};

	/** Called after every sampler step and after every finished batch. */
	default void progress(final GenerationProgress progress) {}

	default boolean cancelled() {
		return false;
	}

	/** Called once per finished volume, before its log line (see {@link VolumeReport#sendTo}). */
	default void volumeFinished(final VolumeReport report) {}

	/** Log lines: sampler settings, and each finished volume's {@link VolumeReport#describe()}. */
	default void log(final String message) {}
}
