package org.physgen.train;

import org.physgen.nn.UNet3d;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;

/** How one family turns a batch of training crops into a differentiable loss. */
public interface TrainingObjective {

	/**
	 * Noises the crops (with streams keyed by {@code seed}), runs the network in training mode and
	 * returns the scalar loss, all on {@code manager}.
	 */
	NDArray loss(NDManager manager, UNet3d network, ParameterStore parameters, byte[][][] crops,
		long seed);

	/**
	 * The loss of the crops with item b at the fixed time or noise level of quantile
	 * {@code quantiles[b]} of the training distribution, noised with streams keyed by {@code seed},
	 * the network in inference mode: the validation loss of {@link ValidationLoss}.
	 *
	 * @return {the network's loss, the loss of the untrained forward rates (DSD) or NaN (PFGM++)},
	 *         each a mean over the items
	 */
	double[] fixedTimeLoss(NDManager manager, UNet3d network, ParameterStore parameters, byte[][][] crops,
		double[] quantiles, long seed);

	/**
	 * Whether {@link #fixedTimeLoss} also returns the loss of an untrained baseline, so that the
	 * validation loss is reported relative to it (1 = nothing learned).
	 */
	default boolean hasForwardBaseline() {
		return false;
	}
}
