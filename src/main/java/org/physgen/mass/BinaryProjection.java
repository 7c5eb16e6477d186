package org.physgen.mass;

import java.util.Arrays;

/**
 * Binary exact-mass projection: the m voxels with the largest scores become phase 1, all others
 * phase 0, with ties broken by a seeded hash of the voxel index. A volume with exactly m ones whose
 * scores rank its ones above its zeros is returned unchanged.
 */
public final class BinaryProjection {

	private BinaryProjection() {}

	/** New labels (one array per z slice) with exactly m ones at the m largest scores. */
	public static byte[][] topM(final float[][] scores, final long m, final long tieSeed) {
		final int sliceLength = Planar.sliceLength(scores, "scores");
		final byte[][] labels = new byte[scores.length][sliceLength];
		topM(scores, m, tieSeed, labels);
		return labels;
	}

	/**
	 * Writes the projection into {@code labels}, which must have the shape of {@code scores}; its
	 * previous content is ignored (and unspecified if an exception is thrown).
	 */
	public static void topM(final float[][] scores, final long m, final long tieSeed,
		final byte[][] labels)
	{
		final int sliceLength = Planar.sliceLength(scores, "scores");
		Planar.checkLabels(labels, scores.length, sliceLength);
		final long voxels = (long) scores.length * sliceLength;
		if (m < 0 || m > voxels) {
			throw new IllegalArgumentException("target count m = " + m + " is outside 0.." + voxels
				+ " (the number of voxels)");
		}
		SliceTasks.forEachSlice(labels.length, sliceLength, z -> Arrays.fill(labels[z], (byte) 0));
		ExactSelection.select(scores, labels, 0, 1, m, tieSeed);
	}
}
