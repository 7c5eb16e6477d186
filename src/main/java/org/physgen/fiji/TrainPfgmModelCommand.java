package org.physgen.fiji;

import java.nio.file.Path;

import org.physgen.train.TrainingConfig;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins > PhysGen > Train PFGM++ Model: trains a Poisson-flow (PFGM++) model on random crops of a
 * segmented volume and writes the model bundle.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Train PFGM++ Model", headless = true,
	label = "Train PFGM++ Model")
public class TrainPfgmModelCommand extends TrainModelCommand {

	@Parameter(label = "Augmented dimensions D",
		description = "Extra dimensions of the Poisson field: a number of at least 1 (1 is PFGM, the default:"
			+ " on Ketton it matched the most statistics; large D: closer to diffusion), or inf for the diffusion limit")
	private String aug_dim = "1";

	@Override
	TrainingConfig configure(final Path modelFile) {
		return TrainingConfig.pfgm(modelFile).augDim(TrainingConfig.parseAugDim(aug_dim));
	}
}
