package org.physgen.model.pfgm;

import java.nio.file.Path;

import org.physgen.lattice.Boundary;
import org.physgen.model.Family;
import org.physgen.model.LoadedModel;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.PfgmProcess;
import org.physgen.nn.ProcessSettings;
import org.physgen.pfgm.PerturbationKernel;
import org.physgen.train.CropSampler;
import org.physgen.train.ResumeCheck;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingObjective;

/**
 * PFGM++ as a family: the network reads and returns the phase encoding (1 channel for two phases,
 * P otherwise), conditioned on the target fractions, with EDM preconditioning; the objective is the
 * denoising loss of {@link PfgmObjective}; generation is Heun sampling and the exact projection
 * ({@link PfgmModel}). It cannot inpaint. The process is never periodic.
 */
public final class PfgmFamily implements Family {

	@Override
	public ModelFamily id() {
		return ModelFamily.PFGMPP;
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
		TrainingConfig.check(config.augDim() >= 1, "aug_dim", config.augDim(), "at least 1 (1 is PFGM; or inf)");
		return PfgmProcess.defaults(config.augDim());
	}

	@Override
	public void requireSameSettings(final TrainingConfig config, final ModelMetadata checkpoint) {
		ResumeCheck.same("aug_dim", config.augDim(), checkpoint.process(PfgmProcess.class).augDim());
	}

	@Override
	public TrainingObjective objective(final ModelMetadata metadata, final CropSampler crops, final long seed) {
		return new PfgmObjective(kernel(metadata.process(PfgmProcess.class)), metadata.phases().phaseCount(),
			metadata.cropSize());
	}

	@Override
	public LoadedModel open(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		return new PfgmModel(file, metadata, network);
	}

	/** The perturbation kernel of D; the Gaussian of diffusion for D = inf. */
	public static PerturbationKernel kernel(final PfgmProcess process) {
		return Double.isInfinite(process.augDim()) ? PerturbationKernel.gaussian()
			: PerturbationKernel.of(process.augDim());
	}
}
