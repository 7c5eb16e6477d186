package org.physgen.metrics;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Exact squared Euclidean distance transform on a box (Felzenszwalb and Huttenlocher's lower
 * envelope of parabolas, one axis after the other). Voxels outside the box are neither targets nor
 * obstacles. Lines are processed in parallel; each line's result depends only on its input, so the
 * output does not depend on the thread count.
 */
final class SquaredEdt {

	/** Marks a voxel with no target anywhere in the box. */
	static final int INFINITE = Integer.MAX_VALUE;

	/** Consecutive lines handled together, so that the strided y and z passes read whole cache lines. */
	private static final int BLOCK = 16;

	private SquaredEdt() {}

	/**
	 * Replaces every entry of {@code grid} (index x + y * sizeX + z * sizeX * sizeY) by its squared
	 * distance to the nearest entry that was 0 on input; entries other than 0 are not targets.
	 * Entries with no target in the box become {@link #INFINITE}.
	 */
	static void transform(final int[] grid, final int sizeX, final int sizeY, final int sizeZ) {
		final int slice = sizeX * sizeY;
		IntStream.range(0, sizeY * sizeZ).parallel().forEach(row -> alongX(grid, row * sizeX, sizeX));
		final int xBlocks = (sizeX + BLOCK - 1) / BLOCK;
		if (sizeY > 1) {
			IntStream.range(0, xBlocks * sizeZ).parallel().forEach(task -> {
				final int z = task / xBlocks;
				final int x0 = (task % xBlocks) * BLOCK;
				envelopes(grid, z * slice + x0, Math.min(BLOCK, sizeX - x0), sizeX, sizeY);
			});
		}
		if (sizeZ > 1) {
			final int blocks = (slice + BLOCK - 1) / BLOCK;
			IntStream.range(0, blocks).parallel().forEach(task -> {
				final int start = task * BLOCK;
				envelopes(grid, start, Math.min(BLOCK, slice - start), slice, sizeZ);
			});
		}
	}

	/** 1D squared distance to the nearest target of the row by a forward and a backward scan. */
	private static void alongX(final int[] grid, final int start, final int length) {
		int last = -1;
		for (int x = 0; x < length; x++) {
			if (grid[start + x] == 0) last = x;
			else grid[start + x] = last < 0 ? INFINITE : square(x - last);
		}
		last = -1;
		for (int x = length - 1; x >= 0; x--) {
			if (grid[start + x] == 0) last = x;
			else if (last >= 0) grid[start + x] = Math.min(grid[start + x], square(last - x));
		}
	}

	/**
	 * Lower envelope along one axis for {@code lines} adjacent lines beginning at {@code start}, whose
	 * elements lie {@code stride} apart.
	 */
	private static void envelopes(final int[] grid, final int start, final int lines, final int stride,
		final int length)
	{
		final int[] values = new int[lines * length];
		for (int i = 0; i < length; i++) {
			System.arraycopy(grid, start + i * stride, values, i * lines, lines);
		}
		final int[] line = new int[length];
		final int[] out = new int[length];
		final int[] apex = new int[length];
		final double[] bound = new double[length + 1];
		for (int l = 0; l < lines; l++) {
			for (int i = 0; i < length; i++) line[i] = values[i * lines + l];
			envelope(line, out, apex, bound);
			for (int i = 0; i < length; i++) values[i * lines + l] = out[i];
		}
		for (int i = 0; i < length; i++) {
			System.arraycopy(values, i * lines, grid, start + i * stride, lines);
		}
	}

	/** out[p] = min over q of f[q] + (p - q)^2, ignoring infinite f[q]. */
	private static void envelope(final int[] f, final int[] out, final int[] apex, final double[] bound) {
		final int n = f.length;
		int k = -1;
		for (int q = 0; q < n; q++) {
			if (f[q] == INFINITE) continue;
			double s = Double.NEGATIVE_INFINITY;
			while (k >= 0) {
				s = intersection(f, apex[k], q);
				if (s > bound[k]) break;
				k--;
			}
			k++;
			apex[k] = q;
			bound[k] = k == 0 ? Double.NEGATIVE_INFINITY : s;
			bound[k + 1] = Double.POSITIVE_INFINITY;
		}
		if (k < 0) {
			Arrays.fill(out, INFINITE);
			return;
		}
		int j = 0;
		for (int p = 0; p < n; p++) {
			while (bound[j + 1] < p) j++;
			out[p] = square(p - apex[j]) + f[apex[j]];
		}
	}

	/** Where the parabolas with apexes at p and q (p < q) meet. */
	private static double intersection(final int[] f, final int p, final int q) {
		return ((f[q] + (long) q * q) - (f[p] + (long) p * p)) / (2.0 * (q - p));
	}

	private static int square(final int d) {
		return d * d;
	}

	/** floor(sqrt(value)) for a non-negative int, exact. */
	static int floorSqrt(final int value) {
		int r = (int) Math.sqrt(value);
		while ((long) r * r > value) r--;
		while ((long) (r + 1) * (r + 1) <= value) r++;
		return r;
	}
}
