package org.physgen.model.ldsm;

import java.nio.file.Path;

import org.physgen.lattice.Boundary;
import org.physgen.model.Family;
import org.physgen.model.LoadedModel;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.ProcessSettings;
import org.physgen.train.CropSampler;
import org.physgen.train.ResumeCheck;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingObjective;

/**
 * Local-DSM as a family: the network reads the phase encoding at time t (1 channel for two phases,
 * P otherwise), conditioned on the phase fractions, and returns the scaled noise ε of
 * {@link LdsmObjective}; generation is the sampler of {@code ldsm} from the tilted prior and the
 * exact projection ({@link LdsmModel}). It cannot inpaint. The forward process acts on each value
 * alone, so it has no boundary; the network pads as PFGM++'s does (reflecting).
 */
public final class LdsmFamily implements Family {

	@Override
	public ModelFamily id() {
		return ModelFamily.LDSM;
	}

	@Override
	public NetworkIo io(final int phases, final boolean conditioned, final int sizeMultiple) {
		return NetworkIo.phaseEncoding(phases, conditioned, sizeMultiple);
	}

	@Override
	public boolean conditioned() {
		return true;
	}

	@Override
	public Boundary boundary(final TrainingConfig config) {
		return Boundary.REFLECTING;
	}

	@Override
	public ProcessSettings settings(final TrainingConfig config) {
		return LocalDsmProcess.defaults(config.sampler(), config.delta(), config.timeSampling());
	}

	@Override
	public void requireSameSettings(final TrainingConfig config, final ModelMetadata checkpoint) {
		final LocalDsmProcess process = checkpoint.process(LocalDsmProcess.class);
		ResumeCheck.same("sampler", config.sampler().label(), process.sampler().label());
		ResumeCheck.same("delta", config.delta(), process.delta());
		ResumeCheck.same("time_sampling", config.timeSampling().label(), process.timeSampling().label());
	}

	@Override
	public TrainingObjective objective(final ModelMetadata metadata, final CropSampler crops, final long seed) {
		return new LdsmObjective(metadata.process(LocalDsmProcess.class), metadata.phases().phaseCount(),
			metadata.cropSize());
	}

	@Override
	public LoadedModel open(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		return new LdsmModel(file, metadata, network);
	}
}
