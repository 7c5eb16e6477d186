package org.physgen.train;

import java.nio.file.Path;

/**
 * Outcome of a training run.
 *
 * @param modelFile the model bundle (also a resumable checkpoint)
 * @param steps steps trained in total, including earlier runs
 * @param finalLoss mean loss over the last steps
 * @param lossCurve the loss-curve PNG beside the model
 * @param cancelled whether the run stopped early at the listener's request
 */
public record TrainingResult(Path modelFile, long steps, double finalLoss, Path lossCurve,
	boolean cancelled)
{}
