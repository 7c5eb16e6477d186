package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * The conducting voxels of a diffusion problem on a grid padded by one voxel on every side, split
 * into the two colours of a red-black ordering (colour = parity of x + y + z), so that every
 * neighbour of a voxel has the other colour. Concentrations live on the padded grid; padding and
 * non-conducting voxels stay 0 and each voxel's degree counts only its conducting links, so the
 * update reads all six neighbours without tests.
 */
final class DiffusionLattice {

	final int sizeX, sizeY, sizeZ, axis, length;
	/** Size of the padded grid along x and y, and its voxel count. */
	final int paddedX, paddedY, paddedVoxels;
	/** Offset to the next voxel along x, y, z in the padded grid. */
	final int[] stride;
	/** Whether each padded-grid voxel conducts. */
	final boolean[] conducting;
	/** Padded-grid index of each conducting voxel, per colour, ascending. */
	final int[][] voxel = new int[2][];
	/** Per colour: conductance to all neighbours and reservoirs (face neighbours + 2 per reservoir). */
	final byte[][] degree = new byte[2][];
	/** Per colour: 2 x reservoir concentration summed over the reservoirs the voxel touches. */
	final byte[][] source = new byte[2][];

	/** @param conductingVoxels flat (unpadded) mask of the voxels that take part */
	DiffusionLattice(final LabelVolume volume, final boolean[] conductingVoxels, final int axis) {
		sizeX = volume.sizeX();
		sizeY = volume.sizeY();
		sizeZ = volume.sizeZ();
		this.axis = axis;
		length = axis == 0 ? sizeX : axis == 1 ? sizeY : sizeZ;
		paddedX = sizeX + 2;
		paddedY = sizeY + 2;
		final long padded = (long) paddedX * paddedY * (sizeZ + 2);
		if (padded > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("volume too large for the diffusion solver");
		}
		paddedVoxels = (int) padded;
		stride = new int[] { 1, paddedX, paddedX * paddedY };
		conducting = new boolean[paddedVoxels];
		final int[] counts = new int[2];
		for (int z = 0, v = 0; z < sizeZ; z++) {
			for (int y = 0; y < sizeY; y++) {
				for (int x = 0; x < sizeX; x++, v++) {
					if (!conductingVoxels[v]) continue;
					conducting[padded(x, y, z)] = true;
					counts[(x + y + z) & 1]++;
				}
			}
		}
		for (int colour = 0; colour < 2; colour++) {
			voxel[colour] = new int[counts[colour]];
			degree[colour] = new byte[counts[colour]];
			source[colour] = new byte[counts[colour]];
		}
		final int[] next = new int[2];
		for (int z = 0; z < sizeZ; z++) {
			for (int y = 0; y < sizeY; y++) {
				for (int x = 0; x < sizeX; x++) {
					final int g = padded(x, y, z);
					if (conducting[g]) {
						final int colour = (x + y + z) & 1;
						voxel[colour][next[colour]++] = g;
					}
				}
			}
		}
		for (int colour = 0; colour < 2; colour++) {
			final int c = colour;
			IntStream.range(0, counts[c]).parallel().forEach(k -> connect(c, k));
		}
	}

	private void connect(final int colour, final int k) {
		final int g = voxel[colour][k];
		int links = 0;
		for (final int step : stride) {
			if (conducting[g - step]) links++;
			if (conducting[g + step]) links++;
		}
		final int t = layer(g);
		int reservoir = 0;
		if (t == 0) {
			links += 2;
			reservoir += 1;
		}
		if (t == length - 1) {
			links += 2;
			reservoir -= 1;
		}
		degree[colour][k] = (byte) links;
		source[colour][k] = (byte) reservoir;
	}

	int padded(final int x, final int y, final int z) {
		return (x + 1) + paddedX * ((y + 1) + paddedY * (z + 1));
	}

	/** Coordinate along the transport axis of padded-grid voxel g. */
	int layer(final int g) {
		return (axis == 0 ? g % paddedX : axis == 1 ? g / paddedX % paddedY : g / (paddedX * paddedY)) - 1;
	}

	int count(final int colour) {
		return voxel[colour].length;
	}
}
