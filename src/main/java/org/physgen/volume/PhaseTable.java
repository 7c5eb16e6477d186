package org.physgen.volume;

import java.util.Arrays;
import java.util.List;

/**
 * Maps the grey values found in a segmented file (for example 0/255 or 0/85/170) to phase indices
 * 0..P-1 and phase names, and back on export. Phase indices follow increasing grey value.
 */
public final class PhaseTable {

	/** More distinct values than this means the image is not a segmentation. */
	public static final int MAX_PHASES = 8;

	private final int[] greyValues;
	private final String[] names;

	/**
	 * @param greyValues distinct, strictly increasing grey values, one per phase (0..65535)
	 * @param names one name per phase
	 */
	public PhaseTable(final int[] greyValues, final String[] names) {
		if (greyValues.length < 2) {
			throw new IllegalArgumentException("a segmented volume needs at least 2 phases, found "
				+ greyValues.length + " distinct value(s) " + Arrays.toString(greyValues));
		}
		if (greyValues.length > MAX_PHASES) {
			throw new IllegalArgumentException("too many labels: " + greyValues.length
				+ " distinct values, at most " + MAX_PHASES + " phases are supported"
				+ " (is this a grey-scale image rather than a segmentation?)");
		}
		if (names.length != greyValues.length) {
			throw new IllegalArgumentException(names.length + " phase names for " + greyValues.length
				+ " phases");
		}
		for (int p = 0; p < greyValues.length; p++) {
			if (greyValues[p] < 0 || greyValues[p] > 65535) {
				throw new IllegalArgumentException("grey value " + greyValues[p] + " is outside 0..65535");
			}
			if (p > 0 && greyValues[p] <= greyValues[p - 1]) {
				throw new IllegalArgumentException("grey values must be strictly increasing: "
					+ Arrays.toString(greyValues));
			}
			if (names[p] == null || names[p].isBlank()) {
				throw new IllegalArgumentException("phase " + p + " has no name");
			}
		}
		this.greyValues = greyValues.clone();
		this.names = names.clone();
	}

	/** Phases 0..P-1 stored as grey values 0..P-1, named "phase 0", "phase 1", ... */
	public static PhaseTable identity(final int phases) {
		final int[] grey = new int[phases];
		final String[] names = new String[phases];
		for (int p = 0; p < phases; p++) {
			grey[p] = p;
			names[p] = "phase " + p;
		}
		return new PhaseTable(grey, names);
	}

	/** Phases stored as grey values 0..P-1 with the given names. */
	public static PhaseTable named(final String... names) {
		final int[] grey = new int[names.length];
		for (int p = 0; p < names.length; p++) grey[p] = p;
		return new PhaseTable(grey, names);
	}

	/** Phases for the given sorted distinct grey values, named after their value ("value 255"). */
	public static PhaseTable ofGreyValues(final int... greyValues) {
		final String[] names = new String[greyValues.length];
		for (int p = 0; p < names.length; p++) names[p] = "value " + greyValues[p];
		return new PhaseTable(greyValues, names);
	}

	public int phaseCount() {
		return greyValues.length;
	}

	public int greyValue(final int phase) {
		return greyValues[phase];
	}

	public String name(final int phase) {
		return names[phase];
	}

	public List<String> names() {
		return List.of(names);
	}

	/** Phase index of a grey value, or -1 when the value is not in the table. */
	public int phaseOf(final int greyValue) {
		final int p = Arrays.binarySearch(greyValues, greyValue);
		return p >= 0 ? p : -1;
	}

	/** True when every phase is stored as its own index, so labels need no mapping on export. */
	public boolean isIdentity() {
		for (int p = 0; p < greyValues.length; p++) {
			if (greyValues[p] != p) return false;
		}
		return true;
	}

	public PhaseTable withNames(final String... newNames) {
		return new PhaseTable(greyValues, newNames);
	}

	@Override
	public boolean equals(final Object o) {
		return o instanceof PhaseTable t && Arrays.equals(greyValues, t.greyValues)
			&& Arrays.equals(names, t.names);
	}

	@Override
	public int hashCode() {
		return 31 * Arrays.hashCode(greyValues) + Arrays.hashCode(names);
	}

	@Override
	public String toString() {
		final StringBuilder sb = new StringBuilder();
		for (int p = 0; p < greyValues.length; p++) {
			if (p > 0) sb.append(", ");
			sb.append(p).append(" = ").append(names[p]).append(" (grey ").append(greyValues[p]).append(')');
		}
		return sb.toString();
	}
}
