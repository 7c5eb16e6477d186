package org.physgen.dsd;

import java.util.Locale;
import java.util.function.Supplier;

import org.physgen.lattice.Schedule;

/**
 * Weight of a training item noised to time index k in the DSD loss (SPEC 4.3). Every positive
 * weight that depends on k alone keeps the loss's minimiser, the expected target given the counts;
 * it only decides which times the network learns, and how fast.
 */
public enum TimeWeighting {

	/**
	 * {@code t_k − t_(k−1)}: the continuous-time likelihood of the path. On the blackout schedule it
	 * is about proportional to t early on, so the times where the structure forms get gradients some
	 * 20× smaller than the mixed end; the weighting of models written before the others existed.
	 */
	DELTA_T("delta_t"),
	/**
	 * 1 for every index. The loss at a time scales with what there is to learn there
	 * ({@link ForwardGap}), which spans four orders of magnitude, so the early times, where a few
	 * displaced particles have large rates, dominate.
	 */
	UNIFORM("uniform"),
	/**
	 * {@code 1 / max(gap(k), FLOOR · max gap)}: each time's divergence relative to that of the
	 * forward rates, so every time where the structure forms counts alike and the loss reads as the
	 * share of the forward rates' divergence left (1 for an untrained model).
	 */
	NORMALISED("normalised");

	/** Below this share of the largest gap a time has nothing left to learn. */
	public static final double FLOOR = 1e-3;

	private final String label;

	TimeWeighting(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/**
	 * Weights of the time indices 1..T-1 (index 0 unused).
	 *
	 * @param gap the forward gap of every time index, asked for only by {@link #NORMALISED}
	 */
	public double[] weights(final Schedule schedule, final Supplier<double[]> gap) {
		final double[] w = new double[schedule.steps()];
		if (this == NORMALISED) {
			final double[] g = gap.get();
			double max = 0;
			for (int k = 1; k < g.length; k++) max = Math.max(max, g[k]);
			for (int k = 1; k < w.length; k++) w[k] = 1 / Math.max(g[k], FLOOR * max);
		}
		else {
			for (int k = 1; k < w.length; k++) w[k] = this == DELTA_T ? schedule.delta(k) : 1;
		}
		return w;
	}

	/** @throws IllegalArgumentException naming {@code time_weighting} and the accepted values */
	public static TimeWeighting parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final TimeWeighting w : values()) {
			if (w.label.equals(t)) return w;
		}
		throw new IllegalArgumentException("time_weighting must be 'normalised', 'uniform' or " +
			"'delta_t', got '" + text + "'");
	}
}
