package org.physgen.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.physgen.volume.LabelVolume;

/** The library API: train a model bundle, load one, then generate with {@link GenerativeModel}. */
public final class PhysGenModels {

	private PhysGenModels() {}

	/**
	 * Trains (or resumes) a model on random crops of the volumes and writes the bundle to
	 * {@code config.modelFile()}, checkpointing on the way.
	 */
	public static TrainingResult train(final List<LabelVolume> volumes, final TrainingConfig config,
		final TrainingListener listener) throws IOException
	{
		return TrainingRun.train(volumes, config, listener);
	}

	/**
	 * Loads a model bundle.
	 *
	 * @param device "auto", "cpu", "gpu" or "gpu:N"; falls back to CPU with a warning
	 * @param threads CPU threads, 0 for all cores
	 */
	public static GenerativeModel load(final Path file, final String device, final int threads)
		throws IOException
	{
		return load(file, device, threads, line -> {});
	}

	/** As {@link #load(Path, String, int)}, with device and thread notes sent to {@code log}. */
	public static GenerativeModel load(final Path file, final String device, final int threads,
		final Consumer<String> log) throws IOException
	{
		return ModelLoader.load(file, device, threads, log);
	}
}
