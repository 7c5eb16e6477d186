package org.physgen.model.yukawa;

import java.nio.file.Path;

import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.model.Family;
import org.physgen.model.LoadedModel;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.ProcessSettings;
import org.physgen.nn.YukawaProcess;
import org.physgen.train.CropSampler;
import org.physgen.train.ResumeCheck;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingObjective;
import org.physgen.yukawa.YukawaNoising;

/**
 * The Yukawa birth/death family (SPEC 13): the network reads the alive particle counts of P-1
 * channels and returns, per channel, six raw hop rates (read through
 * {@link org.physgen.nn.RateHead#EXP}) and one birth logit field (a softmax over the voxels), so
 * {@code 7·(P−1)} output channels; the objective is {@link YukawaObjective}; generation grows the
 * volume from an empty box with exactly the requested counts ({@link YukawaModel}).
 */
public final class YukawaFamily implements Family {

	/** Output channels per particle channel: six hop directions and one birth field. */
	static final int OUTPUTS_PER_CHANNEL = Direction.COUNT + 1;

	@Override
	public ModelFamily id() {
		return ModelFamily.YUKAWA;
	}

	@Override
	public NetworkIo io(final int phases, final boolean conditioned, final int sizeMultiple) {
		return NetworkIo.particleChannels(phases, OUTPUTS_PER_CHANNEL, conditioned, sizeMultiple);
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
		return new YukawaProcess(config.rate(), config.schedule(), config.scheduleSteps(), config.survival(),
			Tolerance.DEFAULT);
	}

	@Override
	public void requireSameSettings(final TrainingConfig config, final ModelMetadata checkpoint) {
		final YukawaProcess process = checkpoint.process(YukawaProcess.class);
		ResumeCheck.sameHopProcess(config, process.schedule(), process.scheduleSteps(), process.rate());
		ResumeCheck.same("survival", config.survival().label(), process.survival().label());
	}

	@Override
	public TrainingObjective objective(final ModelMetadata metadata, final CropSampler crops, final long seed) {
		final int size = metadata.cropSize();
		final YukawaProcess process = metadata.process(YukawaProcess.class);
		final Grid grid = new Grid(size, size, size, metadata.boundary());
		final ChannelMap channels = channels(metadata);
		return new YukawaObjective(new YukawaNoising(grid, channels, process.rate(), process.timeSchedule(),
			process.survival()), grid, channels.channels());
	}

	@Override
	public LoadedModel open(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		return new YukawaModel(file, metadata, network);
	}

	/** Particle channels: every phase but the majority phase of the training crops. */
	static ChannelMap channels(final ModelMetadata metadata) {
		return ChannelMap.forMeanFractions(metadata.phases().phaseCount(), metadata.trainingData() == null ? null
			: metadata.trainingData().fractionMean());
	}
}
