package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Specific surface of one phase by voxel-face counting: the faces between a voxel of the phase and a
 * voxel of another phase, both inside the volume; faces on the volume border are counted separately
 * and are not part of the surface. {@link #facesPerVoxel()} divides by the voxels of the whole volume.
 * <p>
 * Face counting overestimates the area of a smooth isotropic surface by 3/2 (a surface element of area
 * A exposes {@code A (|n_x| + |n_y| + |n_z|)} faces, 3/2 A on average). The S2 slope gives, per axis,
 * the projected specific surface {@code S_a = -2 S2_a'(0) = faces_a / pairs_a} (interface crossings
 * per unit length along a, the integral of |n_a| over the surface per volume), one-voxel slope
 * {@code S2_a'(0) = -faces_a / (2 #pairs_a)}. The true S_V lies between {@code sqrt(S_x² + S_y² + S_z²)}
 * and {@code S_x + S_y + S_z}: it equals S_a for lamellae normal to a, and {@code 2 S_a} on every axis
 * for an isotropic structure. {@link #s2SlopeEstimate(double[])} is the classical
 * {@code S_V = -4 S2'(0)} with S2' averaged over the axes, which <b>assumes isotropy</b>: on lamellae
 * it reads 2/3 of the true surface. Every length is in voxels unless a voxel size per axis is given.
 *
 * @param faces {@code faces[axis]}: interior faces normal to the axis (0 = x, 1 = y, 2 = z)
 * @param pairs {@code pairs[axis]}: neighbour pairs along the axis inside the volume
 * @param borderFaces faces of phase voxels on the volume border (not counted as surface)
 */
public record SpecificSurface(int phase, long[] faces, long[] pairs, long borderFaces,
	long voxelCount)
{

	public static SpecificSurface of(final LabelVolume volume, final int phase) {
		final int sizeX = volume.sizeX();
		final int sizeY = volume.sizeY();
		final int sizeZ = volume.sizeZ();
		final long[] counts = IntStream.range(0, sizeZ).parallel().mapToObj(z -> {
			final long[] c = new long[4];
			final byte[] slice = volume.slice(z);
			final byte[] next = z + 1 < sizeZ ? volume.slice(z + 1) : null;
			for (int y = 0; y < sizeY; y++) {
				for (int x = 0; x < sizeX; x++) {
					final int i = x + y * sizeX;
					final boolean in = (slice[i] & 0xff) == phase;
					if (x + 1 < sizeX && in != ((slice[i + 1] & 0xff) == phase)) c[0]++;
					if (y + 1 < sizeY && in != ((slice[i + sizeX] & 0xff) == phase)) c[1]++;
					if (next != null && in != ((next[i] & 0xff) == phase)) c[2]++;
					if (in) {
						c[3] += (x == 0 ? 1 : 0) + (x == sizeX - 1 ? 1 : 0) + (y == 0 ? 1 : 0)
							+ (y == sizeY - 1 ? 1 : 0) + (z == 0 ? 1 : 0) + (z == sizeZ - 1 ? 1 : 0);
					}
				}
			}
			return c;
		}).reduce(new long[4], (a, b) -> new long[] { a[0] + b[0], a[1] + b[1], a[2] + b[2], a[3] + b[3] });
		final long n = volume.voxelCount();
		final long[] pairs = { n / sizeX * (sizeX - 1), n / sizeY * (sizeY - 1), n / sizeZ * (sizeZ - 1) };
		return new SpecificSurface(phase, new long[] { counts[0], counts[1], counts[2] }, pairs, counts[3], n);
	}

	/** Interior faces of the phase, all axes. */
	public long faceCount() {
		return faces[0] + faces[1] + faces[2];
	}

	/** Faces per voxel of the whole volume (voxel-face count, in 1/voxel length). */
	public double facesPerVoxel() {
		return faceCount() / (double) voxelCount;
	}

	/**
	 * Face-count S_V with voxel edges of the given length per axis: a face normal to a has area
	 * {@code V_voxel / spacing_a}, so {@code S_V = sum_a faces_a / (voxels x spacing_a)}, in 1/length.
	 */
	public double facesPerVolume(final double[] spacing) {
		double s = 0;
		for (int a = 0; a < 3; a++) s += faces[a] / spacing[a];
		return s / voxelCount;
	}

	/**
	 * Projected specific surface along the axis, {@code S_a = -2 S2_a'(0) = faces_a / (pairs_a x
	 * spacing)}, in 1/length; NaN when the volume has one voxel along the axis.
	 */
	public double projectedSurface(final int axis, final double spacing) {
		FlatIndex.checkAxis(axis);
		return pairs[axis] == 0 ? Double.NaN : faces[axis] / (pairs[axis] * spacing);
	}

	/** {@link #s2SlopeEstimate(double[])} in voxels. */
	public double s2SlopeEstimate() {
		return s2SlopeEstimate(new double[] { 1, 1, 1 });
	}

	/**
	 * {@code S_V = -4 S2'(0)} with the slope averaged over the three axes, {@code 2/3 (S_x + S_y + S_z)},
	 * in 1/length; exact on average for isotropic structures only.
	 */
	public double s2SlopeEstimate(final double[] spacing) {
		double sum = 0;
		for (int a = 0; a < 3; a++) sum += projectedSurface(a, spacing[a]);
		return 2 * sum / 3;
	}

	public static String definition() {
		return "S_V (faces) = area of the faces between the phase and another phase inside the volume / volume"
			+ " (border faces not counted; 3/2 of a smooth isotropic surface); projected S_V along a, S2 slope ="
			+ " -2 S2_a'(0) = interface crossings per length along a (the true S_V equals it for lamellae normal to"
			+ " a, and twice it on every axis for an isotropic structure); S_V (S2 slope, isotropic) = -4 S2'(0)"
			+ " with the slope averaged over x, y, z = 2/3 of the sum of the projected values: assumes an isotropic"
			+ " structure (reads 2/3 of the true surface on lamellae)";
	}
}
