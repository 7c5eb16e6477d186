package org.physgen.nn;

import java.util.Locale;

/** The two generative model families a bundle can hold. */
public enum ModelFamily {
	DSD("dsd"), PFGMPP("pfgmpp");

	private final String key;

	ModelFamily(final String key) {
		this.key = key;
	}

	/** Name used in model files and parameters. */
	public String key() {
		return key;
	}

	public static ModelFamily parse(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final ModelFamily f : values()) {
			if (f.key.equals(n) || (f == PFGMPP && (n.equals("pfgm++") || n.equals("pfgm")))) return f;
		}
		throw new IllegalArgumentException("model family must be 'dsd' or 'pfgmpp', got '" + name + "'");
	}
}
