package org.physgen.dsd;

import java.util.Locale;

/**
 * How a network's raw output o becomes a per-particle reverse hop rate, in units of the forward hop
 * rate r (SPEC 4.3).
 */
public enum RateHead {

	/** {@code r·softplus(o)}: the head of models written before {@link #EXP} existed. */
	SOFTPLUS("softplus"),
	/**
	 * {@code r·exp(o)}, o clamped to ±{@link #MAX_LOG_RATIO}: the output is the log-ratio of the
	 * reverse rate to the forward rate, so a fresh network (o = 0) starts at the exact rate of the
	 * mixed regime, and rates from r·τ (a particle at its origin early on) to r/τ (a displaced one)
	 * are equally easy to reach.
	 */
	EXP("exp");

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
	public double rate(final double raw, final double rate) {
		if (this == EXP) return rate * Math.exp(Math.max(-MAX_LOG_RATIO, Math.min(MAX_LOG_RATIO, raw)));
		return rate * (Math.max(raw, 0) + Math.log1p(Math.exp(-Math.abs(raw))));
	}

	/** @throws IllegalArgumentException naming {@code rate_head} and the accepted values */
	public static RateHead parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final RateHead h : values()) {
			if (h.label.equals(t)) return h;
		}
		throw new IllegalArgumentException("rate_head must be 'exp' or 'softplus', got '" + text + "'");
	}
}
