package org.physgen.mass;

import java.util.ArrayList;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/** Test volumes and brute-force references. */
final class Volumes {

	private Volumes() {}

	static UniformRandomProvider random(final long seed) {
		return RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
	}

	static float[][] uniform(final UniformRandomProvider rng, final int slices, final int length) {
		final float[][] s = new float[slices][length];
		for (final float[] slice : s) {
			for (int i = 0; i < length; i++) slice[i] = rng.nextFloat();
		}
		return s;
	}

	/** Scores drawn from {0, 1, ..., levels-1}. */
	static float[][] levels(final UniformRandomProvider rng, final int slices, final int length,
		final int levels)
	{
		final float[][] s = new float[slices][length];
		for (final float[] slice : s) {
			for (int i = 0; i < length; i++) slice[i] = rng.nextInt(levels);
		}
		return s;
	}

	static float[][] constant(final int slices, final int length, final float value) {
		final float[][] s = new float[slices][length];
		for (final float[] slice : s) java.util.Arrays.fill(slice, value);
		return s;
	}

	static long[] counts(final byte[][] labels, final int phases) {
		final long[] counts = new long[phases];
		for (final byte[] slice : labels) {
			for (final byte b : slice) counts[b & 0xff]++;
		}
		return counts;
	}

	static long count(final byte[][] labels, final int label) {
		long n = 0;
		for (final byte[] slice : labels) {
			for (final byte b : slice) if ((b & 0xff) == label) n++;
		}
		return n;
	}

	static byte[][] copy(final byte[][] labels) {
		final byte[][] c = new byte[labels.length][];
		for (int z = 0; z < labels.length; z++) c[z] = labels[z].clone();
		return c;
	}

	static double objective(final float[][][] scores, final byte[][] labels) {
		double sum = 0;
		for (int z = 0; z < labels.length; z++) {
			for (int i = 0; i < labels[z].length; i++) sum += scores[labels[z][i]][z][i];
		}
		return sum;
	}

	/**
	 * Brute-force top-k: sorts the candidates by score (with -0.0 equal to 0.0), then tie hash
	 * (unsigned, larger first), then index, and marks the first k.
	 */
	static byte[][] referenceSelect(final float[][] scores, final byte[][] labels, final int from,
		final int to, final long k, final long seed)
	{
		final TieHash hash = new TieHash(seed);
		final int length = scores.length == 0 ? 0 : scores[0].length;
		final List<long[]> candidates = new ArrayList<>();
		for (int z = 0; z < scores.length; z++) {
			for (int i = 0; i < length; i++) {
				if ((labels[z][i] & 0xff) == from) candidates.add(new long[] { z, i });
			}
		}
		candidates.sort((a, b) -> {
			final float sa = scores[(int) a[0]][(int) a[1]] + 0f;
			final float sb = scores[(int) b[0]][(int) b[1]] + 0f;
			final int byScore = Float.compare(sb, sa);
			if (byScore != 0) return byScore;
			final long ia = a[0] * length + a[1];
			final long ib = b[0] * length + b[1];
			final int byHash = Long.compareUnsigned(hash.of(ib), hash.of(ia));
			return byHash != 0 ? byHash : Long.compare(ia, ib);
		});
		final byte[][] result = copy(labels);
		for (int n = 0; n < k; n++) {
			final long[] v = candidates.get(n);
			result[(int) v[0]][(int) v[1]] = (byte) to;
		}
		return result;
	}
}
