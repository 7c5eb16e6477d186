package org.physgen.train;

import org.physgen.lattice.Boundary;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.ProcessSettings;

/**
 * What the training loop needs from a model family: the network's tensors, the family's settings
 * and their checks, and its loss. The family's strategy implements it
 * ({@code org.physgen.model.Family}); the loop itself knows no family.
 */
public interface TrainableFamily {

	/** The family's name in model files. */
	ModelFamily id();

	/**
	 * Tensor interface of the family's networks for P phases.
	 *
	 * @param conditioned whether the network takes the target fractions of phases 1..P-1
	 * @param sizeMultiple every spatial size the network accepts is a multiple of this
	 */
	NetworkIo io(int phases, boolean conditioned, int sizeMultiple);

	/** Whether the networks this family trains take the target fractions as condition. */
	boolean conditioned();

	/** The boundary of the process and of the network's padding for this configuration. */
	Boundary boundary(TrainingConfig config);

	/**
	 * The family's process settings from a training configuration, for the model file.
	 *
	 * @throws IllegalArgumentException naming the command parameter of the first bad setting
	 */
	ProcessSettings settings(TrainingConfig config);

	/**
	 * Refuses to resume a checkpoint whose process settings differ from the configuration's.
	 *
	 * @throws IllegalArgumentException naming the parameter, with both values
	 */
	void requireSameSettings(TrainingConfig config, ModelMetadata checkpoint);

	/**
	 * The loss of one training step.
	 *
	 * @param crops the training crops, for anything the objective measures once on fixed crops
	 * @param seed the run's seed
	 */
	TrainingObjective objective(ModelMetadata metadata, CropSampler crops, long seed);

	/**
	 * Refuses a model whose network does not have the channels this family needs.
	 *
	 * @throws IllegalArgumentException naming both tensor interfaces
	 */
	default void requireFits(final ModelMetadata metadata) {
		final int phases = metadata.phases().phaseCount();
		final NetworkIo expected = io(phases, metadata.io().conditionDim() > 0, metadata.io().sizeMultiple());
		if (expected.inputChannels() != metadata.io().inputChannels() ||
			expected.outputChannels() != metadata.io().outputChannels())
		{
			throw new IllegalArgumentException("io " + metadata.io().describe() + " does not fit a " +
				id().displayName() + " model with " + phases + " phases, which needs input_channels " +
				expected.inputChannels() + " and output_channels " + expected.outputChannels());
		}
	}
}
