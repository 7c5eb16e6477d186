package org.physgen.train;

import java.nio.file.Path;
import java.util.Locale;

import org.physgen.dsd.TimeWeighting;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.lattice.ScheduleKind;
import org.physgen.ldsm.SamplerKind;
import org.physgen.ldsm.TimeSampling;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.RateHead;
import org.physgen.yukawa.SurvivalShape;

/**
 * Everything a training run needs, with the defaults of SPEC §7-8. Fluent setters, so scripts can
 * write {@code TrainingConfig.dsd(file).steps(500).cropSize(32)}.
 */
public final class TrainingConfig {

	public static final int DEFAULT_CROP_SIZE = 32;
	public static final int DEFAULT_STEPS = 2000;
	public static final int DEFAULT_BATCH_SIZE = 4;
	public static final double DEFAULT_LEARNING_RATE = 2e-4;
	/** D = 1 (PFGM): on Ketton it matched 7 of 12 statistics where D = 4 … ∞ matched 1 (benchmarks/RESULTS.md). */
	public static final double DEFAULT_AUG_DIM = 1;
	public static final int DEFAULT_VALIDATION_EVERY = 100;
	public static final int DEFAULT_BASE_CHANNELS = 32;
	public static final ScheduleKind DEFAULT_SCHEDULE = ScheduleKind.BLACKOUT;
	public static final Boundary DEFAULT_BOUNDARY = Boundary.PERIODIC;

	private final ModelFamily family;
	private Path modelFile;
	private int cropSize = DEFAULT_CROP_SIZE;
	private long steps = DEFAULT_STEPS;
	private int batchSize = DEFAULT_BATCH_SIZE;
	private double learningRate = DEFAULT_LEARNING_RATE;
	private int warmupSteps = 100;
	private double clipNorm = 1.0;
	private double emaDecay = 0.999;
	private int checkpointEvery = 100;
	private int validationEvery = DEFAULT_VALIDATION_EVERY;
	private boolean augment = true;
	private long seed;
	private String device = "auto";
	private int threads;
	private boolean resume;
	private int baseChannels = DEFAULT_BASE_CHANNELS;
	private String dataName = "training volume";
	/** DSD hop rate r; NaN means {@link #defaultRate}. */
	private double rate = Double.NaN;
	private ScheduleKind schedule = DEFAULT_SCHEDULE;
	private int scheduleSteps = Schedule.DEFAULT_STEPS;
	private Boundary boundary = DEFAULT_BOUNDARY;
	private double augDim = DEFAULT_AUG_DIM;
	private RateHead rateHead = RateHead.EXP;
	private TimeWeighting timeWeighting = TimeWeighting.NORMALISED;
	private SamplerKind sampler = SamplerKind.ODE;
	private double delta = LocalDsmProcess.DEFAULT_DELTA;
	private TimeSampling timeSampling = LocalDsmProcess.DEFAULT_TIME_SAMPLING;
	private SurvivalShape survival = SurvivalShape.LINEAR;

	private TrainingConfig(final ModelFamily family, final Path modelFile) {
		this.family = family;
		this.modelFile = modelFile;
	}

	public static TrainingConfig dsd(final Path modelFile) {
		return new TrainingConfig(ModelFamily.DSD, modelFile);
	}

	public static TrainingConfig pfgm(final Path modelFile) {
		return new TrainingConfig(ModelFamily.PFGMPP, modelFile);
	}

	public static TrainingConfig ldsm(final Path modelFile) {
		return new TrainingConfig(ModelFamily.LDSM, modelFile);
	}

	public static TrainingConfig yukawa(final Path modelFile) {
		return new TrainingConfig(ModelFamily.YUKAWA, modelFile);
	}

	public static TrainingConfig of(final ModelFamily family, final Path modelFile) {
		return new TrainingConfig(family, modelFile);
	}

	/**
	 * A hop rate whose walk mixes a periodic crop by t = 1: r = 0.25 L², about twice the 0.13 L²
	 * below which the t = 1 state still remembers the data.
	 */
	public static double defaultRate(final int cropSize) {
		return 0.25 * cropSize * cropSize;
	}

	/** Parses {@code aug_dim}: a number of at least 1 (1 is PFGM), or "inf" for the diffusion limit. */
	public static double parseAugDim(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (t.equals("inf") || t.equals("infinity") || t.equals("∞")) return Double.POSITIVE_INFINITY;
		try {
			return Double.parseDouble(t);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("aug_dim must be a number of at least 1 (1 is PFGM), such " +
				"as 128 or 2048, or 'inf', " +
				"got '" + text + "'");
		}
	}

	public ModelFamily family() { return family; }
	public Path modelFile() { return modelFile; }
	public int cropSize() { return cropSize; }
	public long steps() { return steps; }
	public int batchSize() { return batchSize; }
	public double learningRate() { return learningRate; }
	public int warmupSteps() { return warmupSteps; }
	public double clipNorm() { return clipNorm; }
	public double emaDecay() { return emaDecay; }
	public int checkpointEvery() { return checkpointEvery; }
	/** Steps between validation losses ({@code ValidationLoss}); 0 for none, which holds out nothing. */
	public int validationEvery() { return validationEvery; }
	public boolean augment() { return augment; }
	public long seed() { return seed; }
	public String device() { return device; }
	public int threads() { return threads; }
	public boolean resume() { return resume; }
	public int baseChannels() { return baseChannels; }
	public String dataName() { return dataName; }
	public double rate() { return Double.isNaN(rate) ? defaultRate(cropSize) : rate; }
	public ScheduleKind schedule() { return schedule; }
	public int scheduleSteps() { return scheduleSteps; }
	public Boundary boundary() { return boundary; }
	public double augDim() { return augDim; }
	public RateHead rateHead() { return rateHead; }
	public TimeWeighting timeWeighting() { return timeWeighting; }
	/** The local-DSM sampler the model file records as its default. */
	public SamplerKind sampler() { return sampler; }
	/** δ of the local-DSM training pairs' linearised step (SPEC §12); the sampler stops at 2δ. */
	public double delta() { return delta; }
	/** How local-DSM training draws the pairs' start times. */
	public TimeSampling timeSampling() { return timeSampling; }
	/** Yukawa survival schedule S(t). */
	public SurvivalShape survival() { return survival; }

	public TrainingConfig modelFile(final Path v) { modelFile = v; return this; }
	public TrainingConfig cropSize(final int v) { cropSize = v; return this; }
	public TrainingConfig steps(final long v) { steps = v; return this; }
	public TrainingConfig batchSize(final int v) { batchSize = v; return this; }
	public TrainingConfig learningRate(final double v) { learningRate = v; return this; }
	public TrainingConfig warmupSteps(final int v) { warmupSteps = v; return this; }
	public TrainingConfig clipNorm(final double v) { clipNorm = v; return this; }
	public TrainingConfig emaDecay(final double v) { emaDecay = v; return this; }
	public TrainingConfig checkpointEvery(final int v) { checkpointEvery = v; return this; }
	public TrainingConfig validationEvery(final int v) { validationEvery = v; return this; }
	public TrainingConfig augment(final boolean v) { augment = v; return this; }
	public TrainingConfig seed(final long v) { seed = v; return this; }
	public TrainingConfig device(final String v) { device = v; return this; }
	public TrainingConfig threads(final int v) { threads = v; return this; }
	public TrainingConfig resume(final boolean v) { resume = v; return this; }
	public TrainingConfig baseChannels(final int v) { baseChannels = v; return this; }
	public TrainingConfig dataName(final String v) { dataName = v; return this; }
	public TrainingConfig rate(final double v) { rate = v; return this; }
	public TrainingConfig schedule(final ScheduleKind v) { schedule = v; return this; }
	public TrainingConfig scheduleSteps(final int v) { scheduleSteps = v; return this; }
	public TrainingConfig boundary(final Boundary v) { boundary = v; return this; }
	public TrainingConfig augDim(final double v) { augDim = v; return this; }
	public TrainingConfig rateHead(final RateHead v) { rateHead = v; return this; }
	public TrainingConfig timeWeighting(final TimeWeighting v) { timeWeighting = v; return this; }
	public TrainingConfig sampler(final SamplerKind v) { sampler = v; return this; }
	public TrainingConfig delta(final double v) { delta = v; return this; }
	public TrainingConfig timeSampling(final TimeSampling v) { timeSampling = v; return this; }
	public TrainingConfig survival(final SurvivalShape v) { survival = v; return this; }

	/**
	 * Checks every setting the families share and names the parameter of the first bad one; each
	 * family checks its own settings ({@link TrainableFamily#settings}).
	 *
	 * @throws IllegalArgumentException naming the parameter and its value
	 */
	public void validate() {
		if (modelFile == null) throw new IllegalArgumentException("model_file is required");
		check(cropSize >= 4, "crop_size", cropSize, "at least 4");
		check(steps >= 1, "steps", steps, "at least 1");
		check(batchSize >= 1, "batch", batchSize, "at least 1");
		check(learningRate > 0 && learningRate < 1, "learning_rate", learningRate, "in (0, 1)");
		check(warmupSteps >= 0, "warmup_steps", warmupSteps, "at least 0");
		check(clipNorm > 0, "clip_norm", clipNorm, "positive");
		check(emaDecay >= 0 && emaDecay < 1, "ema_decay", emaDecay, "in [0, 1)");
		check(checkpointEvery >= 1, "checkpoint_every", checkpointEvery, "at least 1");
		check(validationEvery >= 0, "validation_every", validationEvery, "0 (no validation) or more");
		check(threads >= 0, "threads", threads, "0 (all cores) or more");
		check(baseChannels >= 1, "channels", baseChannels, "at least 1");
	}

	/**
	 * Checks the settings of the lattice families' random walk (DSD, Yukawa).
	 *
	 * @throws IllegalArgumentException naming {@code hop_rate} or the schedule steps, with the value
	 */
	public void checkHopProcess() {
		check(rate() > 0 && Double.isFinite(rate()), "hop_rate", rate(), "positive and finite");
		check(scheduleSteps >= 3, "schedule steps", scheduleSteps, "at least 3");
	}

	/**
	 * @throws IllegalArgumentException naming {@code name} when {@code ok} is false, with the value
	 */
	public static void check(final boolean ok, final String name, final Object value,
		final String expected)
	{
		if (!ok) throw new IllegalArgumentException(name + " must be " + expected + ", got " + value);
	}
}
