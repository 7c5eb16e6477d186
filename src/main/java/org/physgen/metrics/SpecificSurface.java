package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Specific surface of one phase by voxel-face counting: the faces between a voxel of the phase and a
 * voxel of another phase, both inside the volume; faces on the volume border are counted separately
 * and are not part of the surface. {@link #facesPerVoxel()} divides by the voxels of the whole volume.
 * <p>
 * Face counting overestimates the area of a smooth isotropic surface by 3/2 (a surface element of area
 * A exposes {@code A (|n_x| + |n_y| + |n_z|)} faces, 3/2 A on average), so {@link #s2SlopeEstimate()}
 * gives the less biased {@code S_V = -4 S2'(0)}, with the one-voxel slope along axis a estimated as
 * {@code -faces_a / (2 #pairs_a)} (the probability that a neighbour pair is phase then not phase) and
 * averaged over the three axes.
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

	/** {@code S_V = -4 S2'(0)} from the one-voxel slope along each axis, in 1/voxel length. */
	public double s2SlopeEstimate() {
		double slope = 0;
		for (int a = 0; a < 3; a++) slope += faces[a] / (2.0 * pairs[a]);
		return 4 * slope / 3;
	}

	public static String definition() {
		return "S_V (faces) = faces between the phase and another phase inside the volume / voxels of the"
			+ " volume (border faces not counted); S_V (S2 slope) = -4 S2'(0), slope per axis ="
			+ " -faces_a / (2 pairs_a), averaged over x, y, z";
	}
}
