package org.physgen.train;

import java.util.Locale;

/** Human-readable durations for progress lines. */
public final class Durations {

	private Durations() {}

	public static String describe(final double seconds) {
		if (!Double.isFinite(seconds)) return "unknown time";
		final long s = Math.round(seconds);
		if (s < 60) return s + " s";
		if (s < 3600) return String.format(Locale.ROOT, "%d min %d s", s / 60, s % 60);
		return String.format(Locale.ROOT, "%d h %d min", s / 3600, s % 3600 / 60);
	}
}
