package org.physgen.model.dsd;

import java.nio.file.Path;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.ForwardGap;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.model.Family;
import org.physgen.model.GenerativeModel;
import org.physgen.model.LoadedModel;
import org.physgen.nn.DsdProcess;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.ProcessSettings;
import org.physgen.random.RandomStreams;
import org.physgen.train.CropSampler;
import org.physgen.train.ResumeCheck;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingObjective;
import org.physgen.volume.LabelVolume;

/**
 * Discrete Spatial Diffusion as a family: the network reads the particle counts of P-1 channels and
 * returns six raw rates per channel, read through the model's {@link org.physgen.nn.RateHead}; the
 * objective is the process likelihood of {@link DsdObjective}; generation is tau-leaping and
 * occupancy repair ({@link DsdModel}), which can also inpaint.
 */
public final class DsdFamily implements Family {

	private static final long GAP_KEY = 0x47415053L;
	private static final int GAP_CROPS = 8;
	private static final int GAP_POINTS = 40;

	@Override
	public ModelFamily id() {
		return ModelFamily.DSD;
	}

	@Override
	public NetworkIo io(final int phases, final boolean conditioned, final int sizeMultiple) {
		return NetworkIo.particleChannels(phases, Direction.COUNT, conditioned, sizeMultiple);
	}

	@Override
	public boolean conditioned() {
		return false;
	}

	@Override
	public Boundary boundary(final TrainingConfig config) {
		return config.boundary();
	}

	@Override
	public ProcessSettings settings(final TrainingConfig config) {
		config.checkHopProcess();
		return new DsdProcess(config.rate(), config.schedule(), config.scheduleSteps(),
			Tolerance.DEFAULT, config.rateHead(), config.timeWeighting());
	}

	@Override
	public void requireSameSettings(final TrainingConfig config, final ModelMetadata checkpoint) {
		final DsdProcess dsd = checkpoint.process(DsdProcess.class);
		ResumeCheck.sameHopProcess(config, dsd.schedule(), dsd.scheduleSteps(), dsd.rate());
		ResumeCheck.same("rate_head", config.rateHead().label(), dsd.rateHead().label());
		ResumeCheck.same("time_weighting", config.timeWeighting().label(), dsd.timeWeighting().label());
	}

	@Override
	public TrainingObjective objective(final ModelMetadata metadata, final CropSampler crops, final long seed) {
		final int size = metadata.cropSize();
		final DsdProcess process = metadata.process(DsdProcess.class);
		final Grid grid = new Grid(size, size, size, metadata.boundary());
		final ChannelMap channels = channels(metadata);
		final Schedule schedule = process.timeSchedule();
		final double rate = process.rate();
		final double[] weights = process.timeWeighting().weights(schedule,
			() -> ForwardGap.byTimeIndex(new ForwardNoising(grid, channels, rate, schedule),
				gapCrops(crops, seed), GAP_POINTS, RandomStreams.derive(seed, GAP_KEY)));
		return new DsdObjective(grid, channels, rate, schedule, process.rateHead(), weights);
	}

	@Override
	public LoadedModel open(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		return new DsdModel(file, metadata, network);
	}

	/**
	 * How well a DSD model has learned the reverse process of one crop; see
	 * {@code org.physgen.PhysGenModels#dsdLossByTime}.
	 *
	 * @throws IllegalArgumentException for a model of another family
	 */
	public static double[][] lossByTime(final GenerativeModel model, final LabelVolume crop,
		final double[] tau, final long seed)
	{
		if (!(model instanceof DsdModel dsd)) {
			throw new IllegalArgumentException("the loss by time needs a DSD model, got " + model.family());
		}
		return dsd.lossByTime(crop, tau, seed);
	}

	/** DSD channels: every phase but the majority phase of the training crops (phase 0 if unknown). */
	static ChannelMap channels(final ModelMetadata metadata) {
		final int phases = metadata.phases().phaseCount();
		return ChannelMap.forMeanFractions(phases, metadata.trainingData() == null ? null
			: metadata.trainingData().fractionMean());
	}

	/** Fixed crops on which the forward gap of the normalised time weighting is measured. */
	private static byte[][][] gapCrops(final CropSampler crops, final long seed) {
		final UniformRandomProvider rng = RandomStreams.of(seed, GAP_KEY);
		final byte[][][] batch = new byte[GAP_CROPS][][];
		for (int b = 0; b < batch.length; b++) batch[b] = crops.crop(rng, false);
		return batch;
	}
}
