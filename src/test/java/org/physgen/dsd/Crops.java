package org.physgen.dsd;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Random label crops for tests. */
final class Crops {

	private Crops() {}

	static UniformRandomProvider random(final long seed) {
		return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
	}

	/** Independent voxels with phase p drawn with probability fractions[p]. */
	static byte[][] random(final Grid grid, final double[] fractions, final long seed) {
		final UniformRandomProvider rng = random(seed);
		final byte[][] crop = new byte[grid.sizeZ()][grid.sliceLength()];
		for (final byte[] slice : crop) {
			for (int i = 0; i < slice.length; i++) {
				double u = rng.nextDouble();
				int p = 0;
				while (p < fractions.length - 1 && u >= fractions[p]) {
					u -= fractions[p];
					p++;
				}
				slice[i] = (byte) p;
			}
		}
		return crop;
	}

	static long[] phaseCounts(final byte[][] crop, final int phases) {
		final long[] counts = new long[phases];
		for (final byte[] slice : crop) {
			for (final byte label : slice) {
				counts[label]++;
			}
		}
		return counts;
	}

	static double sum(final float[] values, final int offset, final int length) {
		double sum = 0;
		for (int i = offset; i < offset + length; i++) {
			sum += values[i];
		}
		return sum;
	}
}
