package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.physgen.PhysGenModels;
import org.physgen.evaluation.TrainingFidelity;
import org.physgen.train.Durations;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingResult;
import org.physgen.volume.FailureReasons;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import ij.ImagePlus;

/**
 * The parameters all training commands share, and the run: volume in, model bundle out. The
 * family-specific parameters come from the subclass through {@link #configure}.
 */
abstract class TrainModelCommand extends ContextCommand {

	@Parameter(label = "Image", required = false,
		description = "Segmented training stack (the active image); ignored when input_file is given")
	private ImagePlus image;

	@Parameter(label = "Input file (optional)", style = "open", required = false, persist = false,
		description = "Segmented training volume (.tif, .tiff or .zip holding one TIFF) instead of an open image")
	private File input_file;

	@Parameter(label = "Model file (.physgen)", style = "save", persist = false,
		description = "Where the model bundle is written; it is also the checkpoint that resume continues")
	private File model_file;

	@Parameter(label = "Crop size (voxels)", min = "4",
		description = "Edge of the random training crops; a multiple of the network's size multiple")
	private int crop_size = TrainingConfig.DEFAULT_CROP_SIZE;

	@Parameter(label = "Training steps", min = "1", description = "Total steps (including earlier runs when resuming)")
	private long steps = TrainingConfig.DEFAULT_STEPS;

	@Parameter(label = "Batch size", min = "1", description = "Crops per step (memory grows with it)")
	private int batch = TrainingConfig.DEFAULT_BATCH_SIZE;

	@Parameter(label = "Learning rate", min = "0", stepSize = "0.0001", style = "format:0.######")
	private double learning_rate = TrainingConfig.DEFAULT_LEARNING_RATE;

	@Parameter(label = "Network channels", min = "1",
		description = "Base width of the U-Net; smaller trains faster and learns less")
	private int channels = TrainingConfig.DEFAULT_BASE_CHANNELS;

	@Parameter(label = "Device", description = "auto, cpu, gpu or gpu:N; falls back to the CPU with a warning")
	private String device = "auto";

	@Parameter(label = "CPU threads (0 = the idle cores)", min = "0")
	private int threads = 0;

	@Parameter(label = "Seed", persist = false, description = "Same seed, same model (on the CPU)")
	private long seed = 1;

	@Parameter(label = "Augment with cube symmetries", persist = false,
		description = "Train on crops turned and mirrored by the 48 symmetries of the cube (isotropic "
			+ "materials); switch off for layered or oriented materials, or to fit one crop exactly")
	private boolean augment = true;

	@Parameter(label = "Validation every (steps, 0 = none)", min = "0", persist = false,
		description = "Steps between validation losses: 8 fixed crops held out from training (the top crop_size "
			+ "slices of the volume), at fixed times and noise, with the averaged weights; drawn beside the "
			+ "training loss (DSD: relative to the untrained forward rates, falling below 1 as it learns)")
	private int validation_every = TrainingConfig.DEFAULT_VALIDATION_EVERY;

	@Parameter(label = "Fidelity sample every (steps, 0 = none)", min = "0", persist = false,
		description = "Steps between fidelity samples: one 32³ volume from the latest checkpoint and its z-scores "
			+ "against 32³ sub-volumes of the training volume (SPEC §14), logged; the volume must hold two of them")
	private int fidelity_every = 0;

	@Parameter(label = "Resume", persist = false,
		description = "Continue training the model in model_file up to steps instead of starting anew")
	private boolean resume = false;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "Training")
	private String summary;

	@Parameter(type = ItemIO.OUTPUT, label = "Loss curve")
	private String loss_curve;

	/** A configuration of this command's family for the model file, with its own parameters set. */
	abstract TrainingConfig configure(Path modelFile);

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			if (model_file == null) {
				throw new IllegalArgumentException("model_file is required: where to write the .physgen model");
			}
			OutputChecks.modelFile("model_file", model_file, "input_file", input_file);
			final VolumeInput input = VolumeInput.of("input_file", input_file, "image", image);
			final TrainingConfig config = configure(model_file.toPath()).cropSize(crop_size).steps(steps)
				.batchSize(batch).learningRate(learning_rate).baseChannels(channels).device(device)
				.threads(threads).seed(seed).augment(augment).validationEvery(validation_every).resume(resume)
				.dataName(input.name());
			config.validate();
			final TrainingListener progress = ProgressListeners.training(this, status, log);
			final TrainingListener listener = fidelity_every == 0 ? progress : new TrainingFidelity(progress,
				input.volume(), model_file.toPath(), fidelity_every, TrainingFidelity.DEFAULT_SIZE, seed, threads);
			final long start = System.nanoTime();
			final TrainingResult result;
			try {
				result = PhysGenModels.train(List.of(input.volume()), config, listener);
			}
			catch (final IOException e) {
				throw new IllegalArgumentException("model_file '" + model_file.getAbsolutePath()
					+ "' could not be written: " + FailureReasons.withFile(e), e);
			}
			loss_curve = result.lossCurve() == null ? "" : result.lossCurve().toAbsolutePath().toString();
			summary = summary(config, result, (System.nanoTime() - start) / 1e9);
		});
	}

	private static String summary(final TrainingConfig config, final TrainingResult result, final double seconds) {
		final String done = String.format(Locale.ROOT, "%s model: %d steps, final loss %.4g, in %s",
			config.family().displayName(), result.steps(), result.finalLoss(),
			Durations.describe(seconds));
		if (!result.cancelled()) return done;
		return done + "; stopped early at your request: the model is a valid checkpoint, continue with"
			+ " resume=true";
	}
}
