package org.physgen.nn;

import java.util.Locale;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;

/**
 * How a network's raw output o becomes a per-particle reverse hop rate, in units of the forward hop
 * rate r (SPEC 4.3). Each head gives its rule once per form: on one value for the sampler and on a
 * tensor for training, side by side so that a new head is written in one place.
 */
public enum RateHead {

	/** {@code r·softplus(o)}: the head of models written before {@link #EXP} existed. */
	SOFTPLUS("softplus") {

		@Override
		public double rate(final double raw, final double rate) {
			return rate * (Math.max(raw, 0) + Math.log1p(Math.exp(-Math.abs(raw))));
		}

		@Override
		public NDArray rates(final NDArray raw, final double rate) {
			// softplus(o) = max(o, 0) + ln(1 + e^-|o|), stable for large |o|
			return Activation.relu(raw).add(raw.abs().neg().exp().add(1).log()).mul(Tensors.scalar(raw
				.getManager(), rate));
		}
	},
	/**
	 * {@code r·exp(o)}, o clamped to ±{@link #MAX_LOG_RATIO}: the output is the log-ratio of the
	 * reverse rate to the forward rate, so a fresh network (o = 0) starts at the exact rate of the
	 * mixed regime, and rates from r·τ (a particle at its origin early on) to r/τ (a displaced one)
	 * are equally easy to reach.
	 */
	EXP("exp") {

		@Override
		public double rate(final double raw, final double rate) {
			return rate * Math.exp(Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, raw)));
		}

		@Override
		public NDArray rates(final NDArray raw, final double rate) {
			return raw.clip(-MAX_LOG_RATIO, MAX_LOG_RATIO).exp().mul(Tensors.scalar(raw.getManager(), rate));
		}
	};

	/** Bound on |o| of the exponential head; e^30 covers every rate ratio of a schedule. */
	public static final double MAX_LOG_RATIO = 30;

	private final String label;

	RateHead(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** Per-particle rate for raw output {@code raw} and forward hop rate {@code rate}. */
	public abstract double rate(double raw, double rate);

	/** {@link #rate} of every element of {@code raw}, differentiable, for training. */
	public abstract NDArray rates(NDArray raw, double rate);

	/** @throws IllegalArgumentException naming {@code rate_head} and the accepted values */
	public static RateHead parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final RateHead h : values()) {
			if (h.label.equals(t)) return h;
		}
		throw new IllegalArgumentException("rate_head must be 'exp' or 'softplus', got '" + text + "'");
	}
}
