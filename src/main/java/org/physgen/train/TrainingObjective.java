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
}
