package org.physgen.train;

/** Fractions of phases 1..P-1 in a crop given as label slices. */
public final class PhaseFractionsOfCrop {

	private PhaseFractionsOfCrop() {}

	public static double[] of(final byte[][] crop, final int phases) {
		final long[] counts = new long[phases];
		long voxels = 0;
		for (final byte[] slice : crop) {
			for (final byte b : slice) counts[b & 0xFF]++;
			voxels += slice.length;
		}
		final double[] f = new double[phases - 1];
		for (int p = 1; p < phases; p++) f[p - 1] = counts[p] / (double) voxels;
		return f;
	}
}
