package org.physgen.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.PhysGenModels;
import org.physgen.model.TargetFractions;
import org.physgen.model.VolumeReport;
import org.physgen.model.VolumeReport.Correction;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.physgen.train.TrainingResult;
import org.physgen.volume.LabelVolume;

/**
 * The benchmarks' only calls into training and generation: train a model on the training block
 * within a step and time budget, then generate cubes with the training-mean fractions, the training
 * batch of volumes per network call, the settings' DSD sharpening, and the sampler's defaults or
 * given PFGM++ steps and injected network error.
 */
final class ModelRuns {

	private static final int LOG_EVERY = 100;
	/** Steps of the robust final loss: the window of the training run's own final (mean) loss. */
	static final int LOSS_WINDOW = 50;

	private ModelRuns() {}

	/**
	 * @param steps steps actually trained (fewer than asked when the time ran out)
	 * @param minutes training wall time
	 * @param finalLoss mean loss over the last steps, as the model file records it
	 * @param medianLoss median loss of the last {@link #LOSS_WINDOW} steps: unlike the mean, not
	 *          dominated by the heavy-tailed losses of small D
	 */
	record Trained(Path modelFile, long steps, double minutes, double finalLoss, double medianLoss) {}

	/**
	 * @param evaluationsPerVolume mean network evaluations per volume
	 * @param correctedFraction mean over the volumes of the DSD repaired fraction, or of the PFGM++
	 *          fraction of voxels the exact projection changed
	 * @param repaired whether the sampler reported occupancy repair (DSD) rather than a projection
	 */
	record Generated(List<LabelVolume> volumes, double minutes, double evaluationsPerVolume,
		double correctedFraction, boolean repaired) {}

	/**
	 * Trains {@code config} on the block, stopping early after {@code minutes} (0: no limit).
	 *
	 * @param label prefix of the log lines, e.g. "pfgmpp" or "D = 4"
	 */
	static Trained train(final String label, final LabelVolume block, final TrainingConfig config,
		final double minutes, final Consumer<String> log) throws IOException
	{
		final long start = System.nanoTime();
		final double limitSeconds = minutes > 0 ? minutes * 60 : Double.POSITIVE_INFINITY;
		final double[] recent = new double[LOSS_WINDOW];
		final long[] count = { 0 };
		final TrainingResult result = PhysGenModels.train(List.of(block), config, new TrainingListener() {

			@Override
			public void progress(final TrainingProgress progress) {
				if (Double.isFinite(progress.loss())) recent[(int) (count[0]++ % LOSS_WINDOW)] = progress.loss();
				if (progress.step() % LOG_EVERY == 0) log.accept(label + " training: " + progress.describe());
			}

			@Override
			public boolean cancelled() {
				return (System.nanoTime() - start) / 1e9 >= limitSeconds;
			}

			@Override
			public void log(final String message) {
				log.accept(label + " training: " + message);
			}
		});
		return new Trained(result.modelFile(), result.steps(), (System.nanoTime() - start) / 60e9, result.finalLoss(),
			median(Arrays.copyOf(recent, (int) Math.min(count[0], LOSS_WINDOW))));
	}

	/** As {@link #generate(Path, BenchmarkSettings, int, double, Consumer)} with the model's steps and no error. */
	static Generated generate(final Path modelFile, final BenchmarkSettings settings, final Consumer<String> log)
		throws IOException
	{
		return generate(modelFile, settings, GenerationRequest.MODEL_SETTING, 0, log);
	}

	/**
	 * Generates {@code held_out} cubes of the settings' size.
	 *
	 * @param steps PFGM++ noise levels n, or 0 for the model's
	 * @param networkError PFGM++ injected network error ε
	 */
	static Generated generate(final Path modelFile, final BenchmarkSettings settings, final int steps,
		final double networkError, final Consumer<String> log) throws IOException
	{
		final List<VolumeReport> reports = new ArrayList<>();
		final long start = System.nanoTime();
		final List<LabelVolume> volumes;
		try (GenerativeModel model = PhysGenModels.load(modelFile, "auto", settings.threads(), log)) {
			final GenerationRequest request = GenerationRequest.cube(settings.heldOut(), settings.size(),
				TargetFractions.trainingMean(), settings.seed()).withSampling(settings.batch(), steps, networkError)
				.withSharpening(settings.sharpening());
			volumes = model.generate(request, new GenerationListener() {

				@Override
				public void volumeFinished(final VolumeReport report) {
					reports.add(report);
				}

				@Override
				public void log(final String message) {
					log.accept(model.family().key() + " generation: " + message);
				}
			});
		}
		final double minutes = (System.nanoTime() - start) / 60e9;
		return new Generated(volumes, minutes, reports.stream().mapToInt(VolumeReport::evaluations).average()
			.orElse(Double.NaN), reports.stream().mapToDouble(VolumeReport::correctedFraction).average().orElse(
				Double.NaN), reports.stream().anyMatch(r -> r.correction() == Correction.REPAIRED));
	}

	/** A learned method's volumes and costs, not yet compared. */
	static MethodResult result(final String name, final String key, final Trained trained,
		final Generated generated, final String note)
	{
		final double corrected = generated.correctedFraction();
		final boolean dsd = generated.repaired();
		return new MethodResult(name, key, null, generated.volumes(), trained.steps(), trained.minutes(), generated
			.minutes(), generated.evaluationsPerVolume(), dsd ? corrected : Double.NaN, dsd ? Double.NaN : corrected,
			note);
	}

	/** The median; NaN for no values. */
	static double median(final double[] values) {
		if (values.length == 0) return Double.NaN;
		final double[] sorted = values.clone();
		Arrays.sort(sorted);
		final int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}
}
