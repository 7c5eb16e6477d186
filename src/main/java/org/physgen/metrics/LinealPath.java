package org.physgen.metrics;

import org.physgen.volume.LabelVolume;

/**
 * Lineal path function of one phase along each axis (0 = x, 1 = y, 2 = z):
 * {@code L_a(n) = #positions starting n consecutive phase voxels along a / #positions where a segment
 * of n voxels fits inside the volume} ({@code (L_a - n + 1) ×} the other two sizes), for n = 1..nMax.
 * L(1) is the volume fraction and L(2) equals S2_a(1).
 *
 * @param hits {@code hits[axis][n]}: segments of n voxels lying entirely in the phase (index 0 unused)
 * @param positions {@code positions[axis][n]}: segments of n voxels inside the volume
 */
public record LinealPath(int phase, long[][] hits, long[][] positions) {

	public static LinealPath of(final LabelVolume volume, final int phase, final int nMax) {
		final int[] sizes = { volume.sizeX(), volume.sizeY(), volume.sizeZ() };
		if (nMax < 1 || nMax > Math.min(sizes[0], Math.min(sizes[1], sizes[2]))) {
			throw new IllegalArgumentException("nMax must be in 1..(smallest volume size), got " + nMax);
		}
		final long[][] hits = new long[3][nMax + 1];
		final long[][] positions = new long[3][nMax + 1];
		for (int axis = 0; axis < 3; axis++) {
			final long[] runs = ChordLengths.runLengths(volume, phase, axis, false);
			for (int n = 1; n <= nMax; n++) {
				// a run of length l holds l - n + 1 segments of length n
				for (int l = n; l < runs.length; l++) hits[axis][n] += runs[l] * (l - n + 1);
				positions[axis][n] = volume.voxelCount() / sizes[axis] * (sizes[axis] - n + 1);
			}
		}
		return new LinealPath(phase, hits, positions);
	}

	public double value(final int axis, final int n) {
		return hits[axis][n] / (double) positions[axis][n];
	}

	/** L along the axis for n = 1..nMax, at index n - 1. */
	public double[] curve(final int axis) {
		final double[] curve = new double[hits[axis].length - 1];
		for (int n = 1; n <= curve.length; n++) curve[n - 1] = value(axis, n);
		return curve;
	}

	public static String definition() {
		return "L_a(n) = positions starting n consecutive phase voxels along a / positions where n voxels"
			+ " fit inside the volume";
	}
}
