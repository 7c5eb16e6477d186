package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Clusters of one phase, found over runs (maximal stretches of phase voxels along x) rather than
 * voxels: each run is a union-find node, joined to the overlapping runs of the neighbouring rows.
 * Memory grows with the number of runs, far below the voxel count for real microstructures.
 */
final class RunLabelling {

	final int sizeX, sizeY, sizeZ;
	/** Runs of row y + z * sizeY are rowStart[row] .. rowStart[row + 1] - 1. */
	final int[] rowStart;
	/** First and last x of each run. */
	final int[] runFirst, runLast;
	/** Cluster of each run, numbered 0 .. clusterCount - 1 in order of first appearance. */
	final int[] cluster;
	final int clusterCount;

	RunLabelling(final LabelVolume volume, final int phase, final Connectivity connectivity) {
		FlatIndex.checkPhase(volume, phase);
		sizeX = volume.sizeX();
		sizeY = volume.sizeY();
		sizeZ = volume.sizeZ();
		final int rows = Math.multiplyExact(sizeY, sizeZ);
		rowStart = new int[rows + 1];
		final int[] runsPerSlice = IntStream.range(0, sizeZ).parallel().map(z -> countRuns(volume
			.slice(z), phase, z)).toArray();
		long total = 0;
		for (final int count : runsPerSlice) total += count;
		if (total > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("phase " + phase + " has too many runs (" + total + ")");
		}
		for (int row = 0; row < rows; row++) rowStart[row + 1] += rowStart[row];
		runFirst = new int[(int) total];
		runLast = new int[(int) total];
		IntStream.range(0, sizeZ).parallel().forEach(z -> storeRuns(volume.slice(z), phase, z));
		final int[] parent = new int[(int) total];
		for (int i = 0; i < parent.length; i++) parent[i] = i;
		final int reach = connectivity == Connectivity.SIX ? 0 : 1;
		for (int z = 0; z < sizeZ; z++) {
			for (int y = 0; y < sizeY; y++) {
				final int row = y + z * sizeY;
				if (y > 0) join(parent, row, row - 1, reach);
				if (z > 0) {
					join(parent, row, row - sizeY, reach);
					if (reach > 0 && y > 0) join(parent, row, row - sizeY - 1, reach);
					if (reach > 0 && y + 1 < sizeY) join(parent, row, row - sizeY + 1, reach);
				}
			}
		}
		cluster = new int[parent.length];
		int next = 0;
		for (int i = 0; i < parent.length; i++) {
			final int root = find(parent, i);
			cluster[i] = root == i ? next++ : cluster[root];
		}
		clusterCount = next;
	}

	/** Counts the runs of slice z into rowStart[row + 1]. */
	private int countRuns(final byte[] slice, final int phase, final int z) {
		int total = 0;
		for (int y = 0; y < sizeY; y++) {
			int count = 0;
			boolean inside = false;
			for (int x = 0, i = y * sizeX; x < sizeX; x++, i++) {
				final boolean member = (slice[i] & 0xff) == phase;
				if (member && !inside) count++;
				inside = member;
			}
			rowStart[y + z * sizeY + 1] = count;
			total += count;
		}
		return total;
	}

	private void storeRuns(final byte[] slice, final int phase, final int z) {
		for (int y = 0; y < sizeY; y++) {
			int run = rowStart[y + z * sizeY];
			boolean inside = false;
			for (int x = 0, i = y * sizeX; x < sizeX; x++, i++) {
				final boolean member = (slice[i] & 0xff) == phase;
				if (member && !inside) runFirst[run] = x;
				if (!member && inside) runLast[run++] = x - 1;
				inside = member;
			}
			if (inside) runLast[run] = sizeX - 1;
		}
	}

	/**
	 * Joins the runs of two rows that touch: overlapping in x for face neighbours, or within one voxel
	 * ({@code reach} 1) when edges and corners connect.
	 */
	private void join(final int[] parent, final int row, final int other, final int reach) {
		int a = rowStart[row], b = rowStart[other];
		final int aEnd = rowStart[row + 1], bEnd = rowStart[other + 1];
		while (a < aEnd && b < bEnd) {
			if (runFirst[a] <= runLast[b] + reach && runFirst[b] <= runLast[a] + reach) union(parent, a, b);
			if (runLast[a] < runLast[b]) a++;
			else b++;
		}
	}

	private static void union(final int[] parent, final int a, final int b) {
		final int ra = find(parent, a), rb = find(parent, b);
		// the smaller index becomes the root, so clusters are numbered in scan order
		if (ra < rb) parent[rb] = ra;
		else if (rb < ra) parent[ra] = rb;
	}

	private static int find(final int[] parent, int i) {
		while (parent[i] != i) {
			parent[i] = parent[parent[i]];
			i = parent[i];
		}
		return i;
	}

	int runCount() {
		return runFirst.length;
	}

	/** Row (y + z * sizeY) of each run, by walking rowStart. */
	int[] runRows() {
		final int[] rows = new int[runCount()];
		for (int row = 0; row + 1 < rowStart.length; row++) {
			for (int run = rowStart[row]; run < rowStart[row + 1]; run++) rows[run] = row;
		}
		return rows;
	}
}
