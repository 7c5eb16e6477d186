package org.physgen.dsd;

import java.util.Locale;

import org.physgen.lattice.Schedule;

/**
 * Weight of a training item noised to time index k in the DSD loss (SPEC 4.3). Every positive
 * weight that depends on k alone keeps the loss's minimiser, the expected target given the counts;
 * it only decides which times the network learns first.
 */
public enum TimeWeighting {

	/**
	 * {@code t_k − t_(k−1)}: the continuous-time likelihood of the path. On the blackout schedule it
	 * is about proportional to t early on, so the times where the structure forms get gradients some
	 * 20× smaller than the mixed end; the weighting of models written before {@link #UNIFORM}.
	 */
	DELTA_T("delta_t"),
	/** 1 for every index: the schedule's spacing alone spreads the effort over time. */
	UNIFORM("uniform");

	private final String label;

	TimeWeighting(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public double weight(final Schedule schedule, final int k) {
		return this == DELTA_T ? schedule.delta(k) : 1;
	}

	/** @throws IllegalArgumentException naming {@code time_weighting} and the accepted values */
	public static TimeWeighting parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final TimeWeighting w : values()) {
			if (w.label.equals(t)) return w;
		}
		throw new IllegalArgumentException("time_weighting must be 'uniform' or 'delta_t', got '" +
			text + "'");
	}
}
