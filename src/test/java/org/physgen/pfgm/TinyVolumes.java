package org.physgen.pfgm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Small random label volumes and helpers shared by the pfgm tests. */
final class TinyVolumes {

	private TinyVolumes() {}

	static UniformRandomProvider random(final long seed) {
		return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
	}

	/** Labels of the shape's phases, each voxel uniform over the phases. */
	static byte[][] randomLabels(final UniformRandomProvider rng, final VolumeShape shape) {
		final byte[][] labels = new byte[shape.sizeZ()][shape.sliceLength()];
		for (final byte[] slice : labels) {
			for (int i = 0; i < slice.length; i++) slice[i] = (byte) rng.nextInt(shape.phases());
		}
		return labels;
	}

	/** Binary labels with exactly {@code ones} voxels of phase 1 at random places. */
	static byte[][] binaryLabels(final UniformRandomProvider rng, final VolumeShape shape,
		final int ones)
	{
		final int voxels = shape.voxels();
		final int[] order = new int[voxels];
		for (int v = 0; v < voxels; v++) order[v] = v;
		for (int v = voxels - 1; v > 0; v--) {
			final int w = rng.nextInt(v + 1);
			final int t = order[v];
			order[v] = order[w];
			order[w] = t;
		}
		final byte[][] labels = new byte[shape.sizeZ()][shape.sliceLength()];
		for (int k = 0; k < ones; k++) {
			labels[order[k] / shape.sliceLength()][order[k] % shape.sliceLength()] = 1;
		}
		return labels;
	}

	static long[] counts(final byte[][] labels, final int phases) {
		final long[] counts = new long[phases];
		for (final byte[] slice : labels) {
			for (final byte b : slice) counts[b]++;
		}
		return counts;
	}

	static double maxAbsDifference(final float[] a, final float[] b) {
		double max = 0;
		for (int k = 0; k < a.length; k++) max = Math.max(max, Math.abs(a[k] - b[k]));
		return max;
	}

	static double squaredDistance(final float[] a, final float[] b) {
		double s = 0;
		for (int k = 0; k < a.length; k++) {
			final double d = (double) a[k] - b[k];
			s += d * d;
		}
		return s;
	}
}
