package org.physgen.train;

import ai.djl.ndarray.NDArray;

/** Output activations shared by training (on tensors) and sampling (on arrays). */
final class NetworkHeads {

	private NetworkHeads() {}

	/** softplus(x) = max(x, 0) + ln(1 + e^-|x|), stable for large |x|. */
	static NDArray softplus(final NDArray x) {
		return x.maximum(0).add(x.abs().neg().exp().add(1).log());
	}

	static double softplus(final double x) {
		return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
	}
}
