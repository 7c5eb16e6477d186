package org.physgen.lattice;

/** What happens to a random walker at the faces of the box. */
public enum Boundary {
	/** Opposite faces are neighbours (a ring along every axis). */
	PERIODIC,
	/** A hop out of the box has rate 0. */
	REFLECTING;

	/** Case-insensitive lookup by name, for command parameters. */
	public static Boundary parse(final String name) {
		for (final Boundary b : values()) {
			if (b.name().equalsIgnoreCase(name.trim())) return b;
		}
		throw new IllegalArgumentException("unknown boundary '" + name
			+ "' (expected periodic or reflecting)");
	}
}
