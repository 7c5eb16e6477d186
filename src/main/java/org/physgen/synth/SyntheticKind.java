package org.physgen.synth;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The synthetic microstructures PhysGen can make, by the name users type. */
public enum SyntheticKind {

	/** Thresholded Gaussian random field: a porous rock (phase 1 = pore), or bands of P phases. */
	GAUSSIAN_FIELD("gaussian_field"),
	/** Overlapping polydisperse spheres: a bead pack (phase 1 = grain). */
	SPHERES("spheres"),
	/** Li-ion electrode: pore (0), spherical active particles (1), carbon-binder film on them (2). */
	ELECTRODE("electrode");

	private final String label;

	SyntheticKind(final String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public static SyntheticKind parse(final String text) {
		final String key = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final SyntheticKind kind : values()) {
			if (kind.label.equals(key)) return kind;
		}
		throw new IllegalArgumentException("kind '" + text + "' is not one of " + labels());
	}

	public static String labels() {
		return Arrays.stream(values()).map(SyntheticKind::label).collect(Collectors.joining(", "));
	}
}
