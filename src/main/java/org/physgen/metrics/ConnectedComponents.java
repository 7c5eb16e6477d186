package org.physgen.metrics;

import java.util.Arrays;

import org.physgen.volume.LabelVolume;

/**
 * Connected clusters of one phase (6- or 26-connectivity) and the share of the phase in clusters
 * that span each axis; see {@link ComponentStatistics}.
 */
public final class ConnectedComponents {

	private ConnectedComponents() {}

	public static ComponentStatistics analyse(final LabelVolume volume, final int phase,
		final Connectivity connectivity)
	{
		final RunLabelling labels = new RunLabelling(volume, phase, connectivity);
		final ClusterExtents extents = new ClusterExtents(labels);
		long phaseVoxels = 0, largest = 0;
		final long[] spanning = new long[3];
		for (int c = 0; c < labels.clusterCount; c++) {
			phaseVoxels += extents.size[c];
			largest = Math.max(largest, extents.size[c]);
			for (int axis = 0; axis < 3; axis++) {
				if (extents.spans(c, axis)) spanning[axis] += extents.size[c];
			}
		}
		final double[] fractions = new double[3];
		for (int axis = 0; axis < 3; axis++) {
			fractions[axis] = phaseVoxels == 0 ? 0 : spanning[axis] / (double) phaseVoxels;
		}
		return new ComponentStatistics(phase, connectivity, phaseVoxels, labels.clusterCount, largest,
			fractions[0], fractions[1], fractions[2]);
	}

	/**
	 * Marks the voxels (flat index) of the phase that belong to a face-connected cluster touching both
	 * faces normal to the axis.
	 */
	static boolean[] spanningVoxels(final LabelVolume volume, final int phase, final int axis) {
		FlatIndex.checkAxis(axis);
		final boolean[] mask = new boolean[FlatIndex.voxelCount(volume)];
		final RunLabelling labels = new RunLabelling(volume, phase, Connectivity.SIX);
		final ClusterExtents extents = new ClusterExtents(labels);
		final int[] rows = labels.runRows();
		for (int run = 0; run < labels.runCount(); run++) {
			if (!extents.spans(labels.cluster[run], axis)) continue;
			final int start = rows[run] * labels.sizeX;
			for (int x = labels.runFirst[run]; x <= labels.runLast[run]; x++) mask[start + x] = true;
		}
		return mask;
	}

	/** Voxel count and bounding box of each cluster. */
	private static final class ClusterExtents {

		final long[] size;
		final int[][] min = new int[3][], max = new int[3][];
		private final int[] extent;

		ClusterExtents(final RunLabelling labels) {
			final int clusters = labels.clusterCount;
			size = new long[clusters];
			extent = new int[] { labels.sizeX, labels.sizeY, labels.sizeZ };
			for (int axis = 0; axis < 3; axis++) {
				min[axis] = new int[clusters];
				max[axis] = new int[clusters];
				Arrays.fill(min[axis], Integer.MAX_VALUE);
				Arrays.fill(max[axis], -1);
			}
			final int[] rows = labels.runRows();
			for (int run = 0; run < labels.runCount(); run++) {
				final int c = labels.cluster[run];
				final int y = rows[run] % labels.sizeY, z = rows[run] / labels.sizeY;
				size[c] += labels.runLast[run] - labels.runFirst[run] + 1;
				include(0, c, labels.runFirst[run], labels.runLast[run]);
				include(1, c, y, y);
				include(2, c, z, z);
			}
		}

		private void include(final int axis, final int c, final int low, final int high) {
			min[axis][c] = Math.min(min[axis][c], low);
			max[axis][c] = Math.max(max[axis][c], high);
		}

		boolean spans(final int c, final int axis) {
			return min[axis][c] == 0 && max[axis][c] == extent[axis] - 1;
		}
	}
}
