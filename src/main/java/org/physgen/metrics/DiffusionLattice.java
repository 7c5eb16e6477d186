package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * The conducting voxels of a diffusion problem in compact form, split into the two colours of a
 * red-black ordering (colour = parity of x + y + z), so that every neighbour of a voxel has the
 * other colour. Concentrations live in one array per colour with one extra entry, kept at 0, that
 * stands for every missing neighbour; the update then needs no branches.
 */
final class DiffusionLattice {

	/** Face neighbours in the order -x, +x, -y, +y, -z, +z. */
	static final int DIRECTIONS = 6;

	final int sizeX, sizeY, sizeZ, axis, length;
	/** Flat voxel index of each voxel, per colour, ascending. */
	final int[][] voxel = new int[2][];
	/** Per colour, 6 entries per voxel: position of each neighbour in the other colour's array. */
	final int[][] neighbour = new int[2][];
	/** Per colour: conductance to all neighbours and reservoirs (face neighbours + 2 per reservoir). */
	final byte[][] degree = new byte[2][];
	/** Per colour: 2 x reservoir concentration summed over the reservoirs the voxel touches. */
	final byte[][] source = new byte[2][];

	DiffusionLattice(final LabelVolume volume, final boolean[] conducting, final int axis) {
		sizeX = volume.sizeX();
		sizeY = volume.sizeY();
		sizeZ = volume.sizeZ();
		this.axis = axis;
		length = axis == 0 ? sizeX : axis == 1 ? sizeY : sizeZ;
		final int[] position = new int[conducting.length];
		final int[] counts = new int[2];
		for (int v = 0; v < conducting.length; v++) {
			if (!conducting[v]) continue;
			final int colour = colour(v);
			position[v] = counts[colour]++;
		}
		for (int colour = 0; colour < 2; colour++) {
			voxel[colour] = new int[counts[colour]];
			neighbour[colour] = new int[DIRECTIONS * counts[colour]];
			degree[colour] = new byte[counts[colour]];
			source[colour] = new byte[counts[colour]];
		}
		for (int v = 0; v < conducting.length; v++) {
			if (conducting[v]) voxel[colour(v)][position[v]] = v;
		}
		for (int colour = 0; colour < 2; colour++) {
			final int c = colour;
			IntStream.range(0, counts[c]).parallel().forEach(k -> connect(conducting, position, c, k,
				counts[1 - c]));
		}
	}

	private void connect(final boolean[] conducting, final int[] position, final int colour,
		final int k, final int missing)
	{
		final int v = voxel[colour][k];
		final int[] at = coordinates(v);
		final int[] size = { sizeX, sizeY, sizeZ };
		final int[] stride = { 1, sizeX, sizeX * sizeY };
		int links = 0;
		for (int d = 0; d < DIRECTIONS; d++) {
			final int a = d / 2, step = d % 2 == 0 ? -1 : 1;
			final int moved = at[a] + step;
			final int n = v + step * stride[a];
			final boolean present = moved >= 0 && moved < size[a] && conducting[n];
			neighbour[colour][DIRECTIONS * k + d] = present ? position[n] : missing;
			if (present) links++;
		}
		int reservoir = 0;
		if (at[axis] == 0) {
			links += 2;
			reservoir += 1;
		}
		if (at[axis] == length - 1) {
			links += 2;
			reservoir -= 1;
		}
		degree[colour][k] = (byte) links;
		source[colour][k] = (byte) reservoir;
	}

	int colour(final int v) {
		final int x = v % sizeX, y = v / sizeX % sizeY, z = v / (sizeX * sizeY);
		return (x + y + z) & 1;
	}

	int[] coordinates(final int v) {
		return new int[] { v % sizeX, v / sizeX % sizeY, v / (sizeX * sizeY) };
	}

	/** Coordinate of voxel v along the transport axis. */
	int layer(final int v) {
		return axis == 0 ? v % sizeX : axis == 1 ? v / sizeX % sizeY : v / (sizeX * sizeY);
	}

	int count(final int colour) {
		return voxel[colour].length;
	}
}
