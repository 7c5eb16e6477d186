package org.physgen.metrics;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** The statistics a user can ask for, by the names used in commands and macros. */
public enum Metric {

	FRACTIONS("fractions"),
	TWO_POINT_CORRELATION("s2"),
	LINEAL_PATH("lineal_path"),
	CHORDS("chords"),
	SURFACE("surface"),
	EULER("euler"),
	THICKNESS("thickness"),
	COMPONENTS("components"),
	TORTUOSITY("tortuosity");

	private final String label;

	Metric(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	/** "all", or comma-separated labels such as "fractions,s2,tortuosity". */
	public static Set<Metric> parseList(final String text) {
		final String trimmed = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		if (trimmed.isEmpty() || trimmed.equals("all")) return EnumSet.allOf(Metric.class);
		final Set<Metric> metrics = EnumSet.noneOf(Metric.class);
		for (final String token : trimmed.split(",")) {
			final String name = token.trim();
			metrics.add(Arrays.stream(values()).filter(m -> m.label.equals(name)).findFirst()
				.orElseThrow(() -> new IllegalArgumentException("metrics: '" + name + "' is not one of all, "
					+ labels())));
		}
		return metrics;
	}

	public static String labels() {
		return Arrays.stream(values()).map(Metric::label).collect(Collectors.joining(", "));
	}
}
