package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

/** Small deterministic volumes and comparisons shared by the tests. */
final class TestVolumes {

	private TestVolumes() {}

	static {
		System.setProperty("java.awt.headless", "true");
	}

	/** Random phases, every phase present; voxel 0, 1, ... hold phases 0, 1, ... */
	static LabelVolume random(final int sizeX, final int sizeY, final int sizeZ,
		final PhaseTable table, final VoxelSize voxelSize, final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		final byte[][] slices = new byte[sizeZ][sizeX * sizeY];
		for (final byte[] slice : slices) {
			for (int i = 0; i < slice.length; i++) slice[i] = (byte) random.nextInt(table.phaseCount());
		}
		for (int p = 0; p < table.phaseCount(); p++) slices[0][p] = (byte) p;
		return LabelVolume.fromSlices(slices, sizeX, sizeY, table, voxelSize);
	}

	/** Grey values of a volume, slice by slice (x + y * sizeX). */
	static int[][] greys(final LabelVolume volume) {
		final int[][] greys = new int[volume.sizeZ()][];
		for (int z = 0; z < greys.length; z++) {
			final byte[] slice = volume.slice(z);
			greys[z] = new int[slice.length];
			for (int i = 0; i < slice.length; i++) {
				greys[z][i] = volume.phases().greyValue(slice[i] & 0xff);
			}
		}
		return greys;
	}

	static void assertSameLabels(final LabelVolume expected, final LabelVolume actual) {
		assertEquals(expected.sizeX(), actual.sizeX(), "size x");
		assertEquals(expected.sizeY(), actual.sizeY(), "size y");
		assertEquals(expected.sizeZ(), actual.sizeZ(), "size z");
		for (int z = 0; z < expected.sizeZ(); z++) {
			assertArrayEquals(expected.slice(z), actual.slice(z), "labels of slice " + z);
		}
	}
}
