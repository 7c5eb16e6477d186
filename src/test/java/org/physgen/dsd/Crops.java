package org.physgen.dsd;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;

/** Random, read and synthetic label crops for tests. */
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

	/**
	 * The box of the grid's size whose lowest corner is voxel (x0, y0, z0) of a label file, as label
	 * slices {@code crop[z][x + sizeX * y]}.
	 */
	static byte[][] read(final Path file, final Grid grid, final int x0, final int y0, final int z0)
		throws IOException
	{
		final LabelVolume volume = VolumeReader.read(file);
		final byte[][] crop = new byte[grid.sizeZ()][grid.sliceLength()];
		for (int z = 0; z < grid.sizeZ(); z++) {
			for (int y = 0; y < grid.sizeY(); y++) {
				for (int x = 0; x < grid.sizeX(); x++) {
					crop[z][x + grid.sizeX() * y] = (byte) volume.phaseAt(x0 + x, y0 + y, z0 + z);
				}
			}
		}
		return crop;
	}

	/** Phase 1 on the slab {@code from <= z < to}, phase 0 elsewhere. */
	static byte[][] slab(final Grid grid, final int from, final int to) {
		final byte[][] crop = new byte[grid.sizeZ()][grid.sliceLength()];
		for (int z = from; z < to; z++) {
			Arrays.fill(crop[z], (byte) 1);
		}
		return crop;
	}

	/**
	 * Phase {@code phase} on the voxels whose centres lie within {@code radius} of the point
	 * (cx, cy, cz), in voxel units, in place.
	 */
	static byte[][] ball(final Grid grid, final byte[][] crop, final double cx, final double cy,
		final double cz, final double radius, final int phase)
	{
		for (int z = 0; z < grid.sizeZ(); z++) {
			for (int y = 0; y < grid.sizeY(); y++) {
				for (int x = 0; x < grid.sizeX(); x++) {
					final double dx = x - cx;
					final double dy = y - cy;
					final double dz = z - cz;
					if (dx * dx + dy * dy + dz * dz <= radius * radius) {
						crop[z][x + grid.sizeX() * y] = (byte) phase;
					}
				}
			}
		}
		return crop;
	}
}
