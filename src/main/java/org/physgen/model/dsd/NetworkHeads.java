package org.physgen.model.dsd;

import org.physgen.dsd.RateHead;
import org.physgen.nn.Tensors;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/** The DSD rate heads of {@link RateHead} on tensors, for training. */
final class NetworkHeads {

	private NetworkHeads() {}

	/** Per-particle rates from raw output, element by element, as {@link RateHead#rate}. */
	static NDArray rates(final NDArray raw, final RateHead head, final double rate) {
		if (head == RateHead.EXP) {
			return raw.clip(-RateHead.MAX_LOG_RATIO, RateHead.MAX_LOG_RATIO).exp().mul(Tensors.scalar(raw
				.getManager(), rate));
		}
		// softplus(x) = max(x, 0) + ln(1 + e^-|x|), stable for large |x|
		return Activation.relu(raw).add(raw.abs().neg().exp().add(1).log()).mul(Tensors.scalar(raw
			.getManager(), rate));
	}
}
