package org.physgen.dsd;

import org.physgen.lattice.Boundary;

/**
 * A box of voxels with a boundary condition. Voxel index {@code v = x + sizeX * (y + sizeY * z)},
 * the layout of {@code LabelVolume} slices stacked along z.
 */
public final class Grid {

	private final int[] size;
	private final Boundary boundary;
	/** {@code steps[axis][0 or 1][site]}: the site after a -1 or +1 hop, or -1 outside the box. */
	private final int[][][] steps;

	public Grid(final int sizeX, final int sizeY, final int sizeZ, final Boundary boundary) {
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1 || (long) sizeX * sizeY * sizeZ > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("invalid grid " + sizeX + "x" + sizeY + "x" + sizeZ);
		}
		size = new int[] { sizeX, sizeY, sizeZ };
		this.boundary = boundary;
		steps = new int[3][2][];
		for (int a = 0; a < 3; a++) {
			for (int s = 0; s < 2; s++) {
				final int length = size[a];
				final int[] table = new int[length];
				for (int i = 0; i < length; i++) {
					final int next = i + (s == 0 ? -1 : 1);
					table[i] = boundary == Boundary.PERIODIC ? Math.floorMod(next, length)
						: next < 0 || next >= length ? -1 : next;
				}
				steps[a][s] = table;
			}
		}
	}

	public int sizeX() {
		return size[0];
	}

	public int sizeY() {
		return size[1];
	}

	public int sizeZ() {
		return size[2];
	}

	/** Edge length along axis 0, 1 or 2. */
	public int size(final int axis) {
		return size[axis];
	}

	public Boundary boundary() {
		return boundary;
	}

	public int voxels() {
		return size[0] * size[1] * size[2];
	}

	/** Voxels per z slice. */
	public int sliceLength() {
		return size[0] * size[1];
	}

	public int index(final int x, final int y, final int z) {
		return x + size[0] * (y + size[1] * z);
	}

	/**
	 * Index of the neighbour in direction d of voxel v at (x, y, z), or -1 if that hop leaves the
	 * box; the coordinates are passed to spare their recomputation in voxel loops.
	 */
	public int neighbour(final int v, final int x, final int y, final int z, final Direction d) {
		final int axis = d.axis();
		final int site = axis == 0 ? x : axis == 1 ? y : z;
		final int moved = steps[axis][d.step() > 0 ? 1 : 0][site];
		if (moved < 0) return -1;
		final int stride = axis == 0 ? 1 : axis == 1 ? size[0] : sliceLength();
		return v + (moved - site) * stride;
	}

	/** Index of the neighbour of voxel v in direction d, or -1 if that hop leaves the box. */
	public int neighbour(final int v, final Direction d) {
		return neighbour(v, v % size[0], v / size[0] % size[1], v / sliceLength(), d);
	}

	/**
	 * 1 for each direction and voxel whose hop stays in the box, 0 for outward hops, at
	 * {@code direction * voxels + v} (all 1 for a periodic grid).
	 */
	public float[] inBoxLinks() {
		final int voxels = voxels();
		final float[] mask = new float[Direction.COUNT * voxels];
		for (final Direction d : Direction.values()) {
			for (int v = 0; v < voxels; v++) {
				mask[d.ordinal() * voxels + v] = neighbour(v, d) < 0 ? 0 : 1;
			}
		}
		return mask;
	}
}
