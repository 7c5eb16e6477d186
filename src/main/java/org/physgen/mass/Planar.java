package org.physgen.mass;

/** Shape checks for planar volumes: one array per z slice, all slices of equal length. */
final class Planar {

	private Planar() {}

	/** The common slice length of the score slices. */
	static int sliceLength(final float[][] scores, final String name) {
		if (scores == null) throw new IllegalArgumentException(name + " must not be null");
		int length = -1;
		for (int z = 0; z < scores.length; z++) {
			if (scores[z] == null) {
				throw new IllegalArgumentException(name + " slice " + z + " is null");
			}
			if (length < 0) length = scores[z].length;
			else if (scores[z].length != length) {
				throw new IllegalArgumentException(name + " slice " + z + " has " + scores[z].length
					+ " voxels, slice 0 has " + length);
			}
		}
		return Math.max(length, 0);
	}

	static void checkLabels(final byte[][] labels, final int slices, final int sliceLength) {
		if (labels == null) throw new IllegalArgumentException("labels must not be null");
		if (labels.length != slices) {
			throw new IllegalArgumentException("labels have " + labels.length + " slices, scores have "
				+ slices);
		}
		for (int z = 0; z < slices; z++) {
			if (labels[z] == null || labels[z].length != sliceLength) {
				throw new IllegalArgumentException("labels slice " + z + " has " + (labels[z] == null
					? "no array" : labels[z].length + " voxels") + ", scores slices have " + sliceLength);
			}
		}
	}

	static void checkLabelValue(final String name, final int label) {
		if (label < 0 || label > 255) {
			throw new IllegalArgumentException(name + " = " + label + " is not a label value 0..255");
		}
	}
}
