package org.physgen.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.metrics.report.LinePlot;
import org.physgen.nn.ComputeDevice;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.MemoryEstimate;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkConfig;
import org.physgen.nn.UNet3d;
import org.physgen.random.RandomStreams;
import org.physgen.volume.AtomicFiles;
import org.physgen.volume.LabelVolume;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * One training run of either family: random crops, noising, Adam with warm-up and clipping, a
 * weight average for sampling, checkpoints into the model bundle, resume and cancel (including
 * Ctrl-C on a terminal, through a shutdown hook that waits for the checkpoint).
 */
public final class TrainingRun {

	private static final long CROP_KEY = 0x43524F50L;
	private static final long NOISE_KEY = 0x4E4F4953L;
	private static final int LOSS_WINDOW = 50;
	private static final int MAX_SKIPPED_STEPS = 10;

	private final TrainingConfig config;
	private final TrainableFamily family;
	private final TrainingListener listener;
	private final AtomicBoolean interrupted = new AtomicBoolean();
	private final CountDownLatch finished = new CountDownLatch(1);
	private int skippedInARow;

	private TrainingRun(final TrainingConfig config, final TrainableFamily family,
		final TrainingListener listener)
	{
		this.config = config;
		this.family = family;
		this.listener = listener;
	}

	/**
	 * Trains (or resumes) a model of {@code family} on random crops of the volumes and writes the
	 * bundle to {@code config.modelFile()}, checkpointing on the way.
	 *
	 * @throws IllegalArgumentException naming the parameter of a bad setting, before any work
	 */
	public static TrainingResult train(final List<LabelVolume> volumes, final TrainingConfig config,
		final TrainableFamily family, final TrainingListener listener) throws IOException
	{
		config.validate();
		family.settings(config);
		return new TrainingRun(config, family, listener == null ? TrainingListener.NONE : listener)
			.run(volumes);
	}

	private TrainingResult run(final List<LabelVolume> volumes) throws IOException {
		final CropSampler all = new CropSampler(volumes, config.cropSize());
		final ValidationLoss.Split split = config.validationEvery() > 0 ? ValidationLoss.Split.of(volumes,
			config.cropSize()) : new ValidationLoss.Split(volumes, null);
		final CropSampler crops = split.slab() == null ? all : new CropSampler(split.training(), config.cropSize());
		final Path file = config.modelFile();
		ModelMetadata metadata;
		ModelBundle resumed = null;
		if (config.resume() && Files.exists(file)) {
			resumed = ModelBundle.read(file, config.family());
			metadata = resumed.metadata();
			metadata.requireSamePhases(crops.phases());
			family.requireFits(metadata);
			ResumeCheck.requireSameSettings(config, family, metadata);
			listener.log("resuming " + file.getFileName() + " at step " + metadata.trainingSteps());
		}
		else {
			if (config.resume()) listener.log("resume: " + file + " does not exist yet, starting afresh");
			metadata = TrainingMetadata.initial(config, family, all);
		}
		final NetworkConfig network = metadata.network();
		if (config.cropSize() % network.sizeMultiple() != 0) {
			throw new IllegalArgumentException("crop_size = " + config.cropSize() +
				" must be a multiple of " + network.sizeMultiple() + " for this network");
		}
		DjlRuntime.start(config.threads(), listener::log);
		DjlRuntime.recordNoGradientsOnThisThread();
		final Device device = ComputeDevice.parse(config.device()).resolve(listener::log);
		MemoryEstimate.requireTrainingFits(network, config.batchSize(), config.cropSize(),
			MemoryEstimate.budgetBytes(device));
		final TrainingObjective objective = family.objective(metadata, crops, config.seed());
		final ValidationLoss validation = config.validationEvery() > 0 ? new ValidationLoss(objective, split,
			config.cropSize(), config.seed(), config.batchSize()) : null;
		if (validation != null) listener.log(validation.describe(objective.hasForwardBaseline()));
		final Thread hook = new Thread(this::interruptAndWait, "PhysGen training checkpoint");
		LinePlot.prepare();
		Runtime.getRuntime().addShutdownHook(hook);
		try (NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE)) {
			return loop(crops, metadata, resumed, objective, validation, manager);
		}
		finally {
			finished.countDown();
			try {
				Runtime.getRuntime().removeShutdownHook(hook);
			}
			catch (final IllegalStateException shuttingDown) {
				// the hook is running and waits for the countDown above
			}
		}
	}

	private TrainingResult loop(final CropSampler crops, final ModelMetadata initial,
		final ModelBundle resumed, final TrainingObjective objective, final ValidationLoss validation,
		final NDManager manager)
		throws IOException
	{
		final UNet3d network = resumed == null ? UNet3d.create(initial.network(), manager, config.seed())
			: UNet3d.load(initial.network(), manager, TrainingCheckpoint.require(resumed,
				TrainingCheckpoint.WEIGHTS));
		final List<ai.djl.nn.Parameter> parameters = TrainingCheckpoint.parameters(network);
		try (AdamOptimizer adam = new AdamOptimizer(parameters, manager);
			WeightAverage average = new WeightAverage(parameters, config.emaDecay()))
		{
			final LossHistory history;
			if (resumed != null) {
				history = TrainingCheckpoint.restore(resumed, adam, average, manager);
			}
			else history = new LossHistory();
			final ParameterStore store = new ParameterStore(manager, false);
			ModelMetadata metadata = initial;
			long step = metadata.trainingSteps();
			final long startStep = step;
			final long startTime = System.nanoTime();
			boolean cancelled = false;
			while (step < config.steps()) {
				if (listener.cancelled() || interrupted.get()) {
					cancelled = true;
					break;
				}
				step++;
				final double loss = step(network, store, objective, crops, adam, step, manager);
				average.update(adam.updates());
				if (Double.isFinite(loss)) history.add(step, loss);
				if (validation != null && step % config.validationEvery() == 0) {
					final double value = average.withAveragedWeights(() -> validation.evaluate(manager, network, store));
					history.addValidation(step, value);
					listener.log(String.format(Locale.ROOT, "step %d: validation loss %.4g", step, value));
				}
				final double seconds = (System.nanoTime() - startTime) / 1e9;
				final double speed = (step - startStep) / seconds;
				listener.progress(new TrainingProgress(step, config.steps(), loss, speed,
					(config.steps() - step) / speed));
				if (step % config.checkpointEvery() == 0 && step < config.steps()) {
					metadata = metadata.withProgress(step, history.recentMean(LOSS_WINDOW));
					TrainingCheckpoint.write(config.modelFile(), metadata, network, adam, average, history);
					listener.log("checkpoint at step " + step + " written to " + config.modelFile());
				}
			}
			metadata = metadata.withProgress(step, history.recentMean(LOSS_WINDOW));
			TrainingCheckpoint.write(config.modelFile(), metadata, network, adam, average, history);
			final Path curve = ModelBundle.lossCurveFile(config.modelFile());
			if (history.size() > 0) {
				AtomicFiles.write(curve, history.png("Training loss, " +
					config.family().displayName() + " model " + config.modelFile().getFileName(),
					objective.hasForwardBaseline() ? "validation (÷ forward rates')" : "validation loss"));
			}
			listener.log(cancelled ? "cancelled at step " + step + " of " + config.steps() +
				"; checkpoint written to " + config.modelFile() + " (loss curve " + curve.getFileName() +
				"); run the same command with resume=true to continue"
				: "finished at step " + step + "; model written to " + config.modelFile());
			return new TrainingResult(config.modelFile(), step, metadata.finalLoss(), curve, cancelled);
		}
	}

	private double step(final UNet3d network, final ParameterStore store,
		final TrainingObjective objective, final CropSampler crops, final AdamOptimizer adam,
		final long step, final NDManager manager)
	{
		final UniformRandomProvider rng = RandomStreams.of(config.seed(), CROP_KEY, step);
		final byte[][][] batch = new byte[config.batchSize()][][];
		for (int b = 0; b < batch.length; b++) batch[b] = crops.crop(rng, config.augment());
		final double loss;
		try (NDManager stepManager = manager.newSubManager();
			GradientCollector collector = Engine.getInstance().newGradientCollector())
		{
			final NDArray value = objective.loss(stepManager, network, store, batch,
				RandomStreams.derive(config.seed(), NOISE_KEY ^ step));
			collector.backward(value);
			loss = value.getFloat();
		}
		final double warmup = config.warmupSteps() == 0 ? 1 : Math.min(1, step / (double) config.warmupSteps());
		final double norm = adam.step(config.learningRate() * warmup, config.clipNorm());
		if (Double.isFinite(norm)) skippedInARow = 0;
		else if (++skippedInARow >= MAX_SKIPPED_STEPS) {
			throw new IllegalStateException("training diverged: the gradient norm was " + norm + " in " +
				skippedInARow + " steps in a row; lower learning_rate");
		}
		else listener.log("step " + step + " skipped: the gradient norm is " + norm);
		return loss;
	}

	private void interruptAndWait() {
		interrupted.set(true);
		try {
			finished.await(5, TimeUnit.MINUTES);
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
