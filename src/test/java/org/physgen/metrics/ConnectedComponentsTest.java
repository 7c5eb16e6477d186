package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class ConnectedComponentsTest {

	@Test
	void twoSeparateBlobs() {
		final LabelVolume volume = VoxelShapes.empty(10, 8, 6, 2);
		VoxelShapes.fill(volume, 1, 1, 1, 4, 4, 4, 1);
		VoxelShapes.fill(volume, 6, 2, 0, 9, 8, 6, 1);
		for (final Connectivity c : Connectivity.values()) {
			final ComponentStatistics blobs = ConnectedComponents.analyse(volume, 1, c);
			assertEquals(2, blobs.componentCount());
			assertEquals(27 + 108, blobs.phaseVoxels());
			assertEquals(108, blobs.largestComponent());
			assertEquals(0, blobs.spanningFractionX());
			assertEquals(0, blobs.spanningFractionY());
			assertEquals(108.0 / 135, blobs.spanningFractionZ(), 1e-15);
		}
		// the rest of the volume wraps round both blobs
		assertEquals(1, ConnectedComponents.analyse(volume, 0, Connectivity.SIX).componentCount());
	}

	@Test
	void diagonalChainConnectsOnlyThroughCorners() {
		final LabelVolume volume = VoxelShapes.empty(5, 5, 5, 2);
		for (int i = 0; i < 5; i++) volume.setPhase(i, i, i, 1);
		final ComponentStatistics six = ConnectedComponents.analyse(volume, 1, Connectivity.SIX);
		final ComponentStatistics all = ConnectedComponents.analyse(volume, 1, Connectivity.TWENTY_SIX);
		assertEquals(5, six.componentCount());
		assertEquals(0, six.spanningFractionZ());
		assertEquals(1, all.componentCount());
		for (int axis = 0; axis < 3; axis++) assertEquals(1.0, all.spanningFraction(axis));
	}

	@Test
	void edgeNeighboursInEveryDirection() {
		// each pair touches along an edge only, once in every plane orientation
		final int[][] pairs = { { 1, 1, 0, 0 }, { 1, 0, 1, 0 }, { 0, 1, 1, 0 }, { 1, -1, 0, 0 }, { 1, 0, -1, 0 },
			{ 0, 1, -1, 0 } };
		for (final int[] d : pairs) {
			final LabelVolume volume = VoxelShapes.empty(4, 4, 4, 2);
			volume.setPhase(1, 1, 1, 1);
			volume.setPhase(1 + d[0], 1 + d[1], 1 + d[2], 1);
			assertEquals(2, ConnectedComponents.analyse(volume, 1, Connectivity.SIX).componentCount());
			assertEquals(1, ConnectedComponents.analyse(volume, 1, Connectivity.TWENTY_SIX).componentCount());
		}
	}

	@Test
	void matchesFloodFillOnRandomVolumes() {
		for (long seed = 1; seed <= 8; seed++) {
			final LabelVolume volume = VoxelShapes.random(13, 9, 11, 0.2 + 0.07 * seed, seed);
			for (final Connectivity c : Connectivity.values()) {
				final ComponentStatistics fast = ConnectedComponents.analyse(volume, 1, c);
				final long[] expected = floodFill(volume, 1, c);
				assertEquals(expected[0], fast.componentCount(), "seed " + seed + " " + c);
				assertEquals(expected[1], fast.largestComponent());
				assertEquals(expected[2] / (double) fast.phaseVoxels(), fast.spanningFractionZ(), 1e-15);
			}
		}
	}

	@Test
	void referenceSpanningFractionsAlongZ() {
		final LabelVolume ketton = VoxelShapes.ketton();
		assertSpanning(ketton, 0, 0.9950, 0.9996);
		final LabelVolume electrode = VoxelShapes.electrode();
		assertSpanning(electrode, 0, 0.9989, 0.9996);
		assertSpanning(electrode, 1, 0.9611, 0.9612);
		assertSpanning(electrode, 2, 0.9740, 0.9936);
	}

	private static void assertSpanning(final LabelVolume volume, final int phase, final double six,
		final double twentySix)
	{
		assertEquals(six, ConnectedComponents.analyse(volume, phase, Connectivity.SIX)
			.spanningFractionZ(), 5e-5, "phase " + phase + ", 6-connectivity");
		assertEquals(twentySix, ConnectedComponents.analyse(volume, phase, Connectivity.TWENTY_SIX)
			.spanningFractionZ(), 5e-5, "phase " + phase + ", 26-connectivity");
	}

	/** Component count, largest component and voxels in z-spanning components, by breadth-first search. */
	private static long[] floodFill(final LabelVolume volume, final int phase, final Connectivity c) {
		final int sx = volume.sizeX(), sy = volume.sizeY(), sz = volume.sizeZ();
		final boolean[] seen = new boolean[sx * sy * sz];
		long count = 0, largest = 0, spanning = 0;
		for (int start = 0; start < seen.length; start++) {
			if (seen[start] || volume.phaseAt(start % sx, start / sx % sy, start / (sx * sy)) != phase) continue;
			count++;
			long size = 0;
			boolean bottom = false, top = false;
			final ArrayDeque<Integer> queue = new ArrayDeque<>();
			queue.add(start);
			seen[start] = true;
			while (!queue.isEmpty()) {
				final int v = queue.poll();
				final int x = v % sx, y = v / sx % sy, z = v / (sx * sy);
				size++;
				bottom |= z == 0;
				top |= z == sz - 1;
				for (int dz = -1; dz <= 1; dz++) {
					for (int dy = -1; dy <= 1; dy++) {
						for (int dx = -1; dx <= 1; dx++) {
							final int steps = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
							if (steps == 0 || (c == Connectivity.SIX && steps > 1)) continue;
							final int nx = x + dx, ny = y + dy, nz = z + dz;
							if (nx < 0 || ny < 0 || nz < 0 || nx >= sx || ny >= sy || nz >= sz) continue;
							final int n = nx + sx * (ny + sy * nz);
							if (seen[n] || volume.phaseAt(nx, ny, nz) != phase) continue;
							seen[n] = true;
							queue.add(n);
						}
					}
				}
			}
			largest = Math.max(largest, size);
			if (bottom && top) spanning += size;
		}
		return new long[] { count, largest, spanning };
	}
}
