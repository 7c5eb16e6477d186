package org.physgen.fiji;

import java.util.Arrays;

/** Parses the region of Inpaint Region: a box as a mask, and the phase counts it should get. */
final class InpaintRegions {

	private InpaintRegions() {}

	/**
	 * A per-slice mask of a box "x,y,z,width,height,depth" (first corner from 0).
	 *
	 * @throws IllegalArgumentException naming {@code box} when it is malformed or leaves the volume
	 */
	static byte[][] box(final String text, final int sizeX, final int sizeY, final int sizeZ) {
		final long[] v = numbers("box", text);
		if (v.length != 6) {
			throw new IllegalArgumentException("box '" + text + "' must be 6 numbers: x,y,z,width,height,depth");
		}
		final int[] size = { sizeX, sizeY, sizeZ };
		final String[] axes = { "x", "y", "z" };
		for (int a = 0; a < 3; a++) {
			if (v[a] < 0 || v[a + 3] < 1 || v[a] + v[a + 3] > size[a]) {
				throw new IllegalArgumentException("box '" + text + "': " + axes[a] + " from " + v[a] + " over "
					+ v[a + 3] + " voxels leaves the volume (" + axes[a] + " size " + size[a] + ")");
			}
		}
		final byte[][] mask = new byte[sizeZ][sizeX * sizeY];
		for (int z = (int) v[2]; z < v[2] + v[5]; z++) {
			for (int y = (int) v[1]; y < v[1] + v[4]; y++) {
				Arrays.fill(mask[z], y * sizeX + (int) v[0], y * sizeX + (int) (v[0] + v[3]), (byte) 1);
			}
		}
		return mask;
	}

	/**
	 * Counts of phases 0..P-1 for a region of {@code voxels} voxels: P values that add up to it, or
	 * P-1 values of phases 1..P-1 with phase 0 taking the rest.
	 *
	 * @throws IllegalArgumentException naming {@code region_counts} when they cannot fill the region
	 */
	static long[] parse(final String text, final int phases, final long voxels) {
		final long[] given = numbers("region_counts", text);
		final long[] counts;
		if (given.length == phases) counts = given;
		else if (given.length == phases - 1) {
			counts = new long[phases];
			System.arraycopy(given, 0, counts, 1, given.length);
			counts[0] = voxels - Arrays.stream(given).sum();
		}
		else {
			throw new IllegalArgumentException("region_counts '" + text + "' lists " + given.length
				+ " counts; the volume has " + phases + " phases: give " + phases + " (phases 0.." + (phases - 1)
				+ ") or " + (phases - 1) + " (phases 1.." + (phases - 1) + ", phase 0 takes the rest)");
		}
		final long sum = Arrays.stream(counts).sum();
		if (Arrays.stream(counts).anyMatch(c -> c < 0) || sum != voxels) {
			throw new IllegalArgumentException("region_counts '" + text + "' give " + Arrays.toString(counts)
				+ ", which cannot fill the region of " + voxels + " voxels exactly (counts must not be negative"
				+ " and must add up to " + voxels + ")");
		}
		return counts;
	}

	private static long[] numbers(final String parameter, final String text) {
		final String[] tokens = text.trim().split("\\s*,\\s*");
		final long[] values = new long[tokens.length];
		for (int i = 0; i < tokens.length; i++) {
			try {
				values[i] = Long.parseLong(tokens[i]);
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(parameter + " '" + text + "': '" + tokens[i]
					+ "' is not a whole number");
			}
		}
		return values;
	}
}
