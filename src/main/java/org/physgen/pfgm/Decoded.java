package org.physgen.pfgm;

/**
 * A decoded sample: labels (one array per z slice, index x + y * sizeX) with exactly the requested
 * phase counts, and how many voxels the exact projection gave a different phase than the nearest
 * phase of the continuous sample (its sign for one channel, its largest channel otherwise).
 */
public record Decoded(byte[][] labels, long flipped) {

	/** {@link #flipped} as a fraction of all the voxels, in [0, 1]. */
	public double flippedFraction() {
		long voxels = 0;
		for (final byte[] slice : labels) voxels += slice.length;
		return voxels == 0 ? 0 : flipped / (double) voxels;
	}
}
