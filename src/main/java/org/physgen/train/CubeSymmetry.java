package org.physgen.train;

/**
 * One of the 48 symmetries of the cube (6 axis permutations times 8 reflections), applied to a cubic
 * crop stored as z slices of x-fastest rows. Used as augmentation for isotropic materials.
 */
public final class CubeSymmetry {

	public static final int COUNT = 48;

	private static final int[][] PERMUTATIONS = { { 0, 1, 2 }, { 0, 2, 1 }, { 1, 0, 2 },
		{ 1, 2, 0 }, { 2, 0, 1 }, { 2, 1, 0 } };

	private final int[] source;
	private final boolean[] flip;

	private CubeSymmetry(final int index) {
		source = PERMUTATIONS[index / 8];
		flip = new boolean[] { (index & 1) != 0, (index & 2) != 0, (index & 4) != 0 };
	}

	/** Symmetry number {@code index} in 0..47; 0 is the identity. */
	public static CubeSymmetry of(final int index) {
		if (index < 0 || index >= COUNT) {
			throw new IllegalArgumentException("cube symmetry index must be in 0..47, got " + index);
		}
		return new CubeSymmetry(index);
	}

	/** The crop seen through this symmetry: output axis a reads input axis source[a], maybe reversed. */
	public byte[][] apply(final byte[][] crop, final int size) {
		final byte[][] out = new byte[size][size * size];
		final int[] in = new int[3];
		final int last = size - 1;
		for (int z = 0; z < size; z++) {
			final byte[] outSlice = out[z];
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					in[source[0]] = flip[0] ? last - x : x;
					in[source[1]] = flip[1] ? last - y : y;
					in[source[2]] = flip[2] ? last - z : z;
					outSlice[y * size + x] = crop[in[2]][in[1] * size + in[0]];
				}
			}
		}
		return out;
	}
}
