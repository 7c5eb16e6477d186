package org.physgen.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.physgen.nn.ModelFamily;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.PhysGenModels;
import org.physgen.model.TargetFractions;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.physgen.train.TrainingResult;
import org.physgen.volume.LabelVolume;

/**
 * The benchmark's only calls into training and generation: train a family on the training block
 * within a step and time budget, then generate cubes with the training-mean fractions and the
 * samplers' default settings, the training batch of volumes per network call.
 */
final class ModelRuns {

	/** The per-volume line both samplers log: evaluations, then the repaired or projection-changed fraction. */
	private static final Pattern VOLUME_LINE = Pattern.compile(
		"(\\d+) network evaluations, (repaired fraction|projection changed) ([0-9.eE+-]+)");
	private static final int LOG_EVERY = 100;

	private ModelRuns() {}

	/**
	 * @param steps steps actually trained (fewer than asked when the time ran out)
	 * @param minutes training wall time
	 * @param finalLoss mean loss over the last steps
	 */
	record Trained(Path modelFile, long steps, double minutes, double finalLoss) {}

	/**
	 * @param evaluationsPerVolume mean network evaluations per volume
	 * @param correctedFraction mean over the volumes of the DSD repaired fraction, or of the PFGM++
	 *          fraction of voxels the exact projection changed
	 * @param repaired whether the sampler reported occupancy repair (DSD) rather than a projection
	 */
	record Generated(List<LabelVolume> volumes, double minutes, double evaluationsPerVolume,
		double correctedFraction, boolean repaired) {}

	static Trained train(final ModelFamily family, final LabelVolume block, final BenchmarkSettings settings,
		final Path modelFile, final String dataName, final Consumer<String> log) throws IOException
	{
		final long start = System.nanoTime();
		final double limitSeconds = settings.minutes() > 0 ? settings.minutes() * 60 : Double.POSITIVE_INFINITY;
		final TrainingResult result = PhysGenModels.train(List.of(block), settings.training(family, modelFile)
			.dataName(dataName), new TrainingListener() {

				@Override
				public void progress(final TrainingProgress progress) {
					if (progress.step() % LOG_EVERY == 0) log.accept(family.key() + " training: " + progress.describe());
				}

				@Override
				public boolean cancelled() {
					return (System.nanoTime() - start) / 1e9 >= limitSeconds;
				}

				@Override
				public void log(final String message) {
					log.accept(family.key() + " training: " + message);
				}
			});
		return new Trained(result.modelFile(), result.steps(), (System.nanoTime() - start) / 60e9, result.finalLoss());
	}

	static Generated generate(final Path modelFile, final BenchmarkSettings settings, final Consumer<String> log)
		throws IOException
	{
		final List<Long> evaluations = new ArrayList<>();
		final List<Double> corrected = new ArrayList<>();
		final boolean[] repaired = { false };
		final long start = System.nanoTime();
		final List<LabelVolume> volumes;
		try (GenerativeModel model = PhysGenModels.load(modelFile, "auto", settings.threads(), log)) {
			final GenerationRequest request = GenerationRequest.cube(settings.heldOut(), settings.size(),
				TargetFractions.trainingMean(), settings.seed());
			volumes = model.generate(new GenerationRequest(request.count(), request.sizeX(), request.sizeY(), request
				.sizeZ(), request.targets(), request.seed(), settings.batch(), request.tolerance(), request.steps(),
				request.stepFraction()), new GenerationListener() {

					@Override
					public void log(final String message) {
						final Matcher m = VOLUME_LINE.matcher(message);
						if (m.find()) {
							evaluations.add(Long.parseLong(m.group(1)));
							repaired[0] = m.group(2).startsWith("repaired");
							corrected.add(Double.parseDouble(m.group(3)));
						}
						log.accept(model.family().key() + " generation: " + message);
					}
				});
		}
		final double minutes = (System.nanoTime() - start) / 60e9;
		return new Generated(volumes, minutes, evaluations.stream().mapToLong(Long::longValue).average().orElse(Double.NaN),
			corrected.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN), repaired[0]);
	}
}
