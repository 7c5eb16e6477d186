package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class DistanceTransformTest {

	@Test
	void matchesBruteForceOnRandomVolumes() {
		final int[][] sizes = { { 9, 7, 5 }, { 1, 12, 6 }, { 13, 1, 1 }, { 17, 3, 11 } };
		long seed = 1;
		for (final int[] size : sizes) {
			for (final double p : new double[] { 0.5, 0.9, 0.98 }) {
				final LabelVolume volume = VoxelShapes.random(size[0], size[1], size[2], p, seed++);
				for (int phase = 0; phase < 2; phase++) {
					final DistanceMap map = DistanceTransform.compute(volume, phase);
					double max = 0;
					for (int z = 0; z < size[2]; z++) {
						for (int y = 0; y < size[1]; y++) {
							for (int x = 0; x < size[0]; x++) {
								final double expected = bruteForce(volume, phase, x, y, z);
								assertEquals((float) expected, map.distance(x, y, z), "voxel " + x + "," + y + "," + z);
								if (!Double.isInfinite(expected)) max = Math.max(max, expected);
							}
						}
					}
					if (!Double.isInfinite(map.maxDistance())) assertEquals(max, map.maxDistance(), 1e-12);
				}
			}
		}
	}

	@Test
	void volumeBorderIsNotABoundary() {
		final LabelVolume volume = VoxelShapes.empty(10, 6, 4, 2);
		volume.setPhase(0, 0, 0, 1);
		final DistanceMap pore = DistanceTransform.compute(volume, 0);
		assertEquals((float) Math.sqrt(81 + 25 + 9), pore.distance(9, 5, 3));
		assertEquals(1f, pore.distance(1, 0, 0));
		assertEquals(0f, pore.distance(0, 0, 0));
		assertEquals(Math.sqrt(81 + 25 + 9), pore.maxDistance(), 1e-12);
		assertEquals(Float.POSITIVE_INFINITY, DistanceTransform.compute(VoxelShapes.empty(3, 3, 3, 2), 0)
			.distance(1, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> DistanceTransform.compute(volume, 2));
	}

	private static double bruteForce(final LabelVolume volume, final int phase, final int x, final int y,
		final int z)
	{
		if (volume.phaseAt(x, y, z) != phase) return 0;
		long best = Long.MAX_VALUE;
		for (int k = 0; k < volume.sizeZ(); k++) {
			for (int j = 0; j < volume.sizeY(); j++) {
				for (int i = 0; i < volume.sizeX(); i++) {
					if (volume.phaseAt(i, j, k) == phase) continue;
					best = Math.min(best, (long) (i - x) * (i - x) + (long) (j - y) * (j - y) + (long) (k - z) * (k - z));
				}
			}
		}
		return best == Long.MAX_VALUE ? Double.POSITIVE_INFINITY : Math.sqrt(best);
	}
}
