package org.physgen.ldsm;

import java.util.Locale;

/**
 * How local-DSM training draws the start time s of a pair on [δ, T − δ] (SPEC §12): log-uniform,
 * every decade of time the same share (the small times, where the score is large and the structure
 * is decided, get most pairs), or uniform in time (the long mixing stretch gets most).
 */
public enum TimeSampling {
	LOG_UNIFORM("log-uniform"), UNIFORM("uniform");

	private final String label;

	TimeSampling(final String label) {
		this.label = label;
	}

	/** "log-uniform" or "uniform", as files and parameters name it. */
	public String label() {
		return label;
	}

	/** @throws IllegalArgumentException naming time_sampling and the accepted names */
	public static TimeSampling parse(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final TimeSampling k : values()) {
			if (k.label.equals(n)) return k;
		}
		throw new IllegalArgumentException("time_sampling must be 'log-uniform' or 'uniform', got '" + name + "'");
	}
}
