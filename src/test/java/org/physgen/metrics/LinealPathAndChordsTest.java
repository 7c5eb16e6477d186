package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.physgen.metrics.MetricsATestVolumes.empty;
import static org.physgen.metrics.MetricsATestVolumes.fill;
import static org.physgen.metrics.MetricsATestVolumes.in;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class LinealPathAndChordsTest {

	@Test
	void boxChordsAndLinealPath() {
		final LabelVolume v = empty(10, 9, 8, 2);
		fill(v, 2, 7, 1, 4, 0, 6, 1);
		final ChordLengths chords = ChordLengths.of(v, 1);
		// 3 × 6 lines of 5 along x, 5 × 6 lines of 3 along y; along z every chord starts on z = 0
		assertEquals(18, chords.counts()[0][5]);
		assertEquals(18, chords.chords(0));
		assertEquals(5.0, chords.mean(0));
		assertEquals(30, chords.counts()[1][3]);
		assertEquals(3.0, chords.mean(1));
		assertEquals(0, chords.chords(2));
		assertEquals(Double.NaN, chords.mean(2));
		assertEquals(1.0, chords.distribution(0)[5]);

		final LinealPath path = LinealPath.of(v, 1, 7);
		final long voxels = v.voxelCount();
		for (int n = 1; n <= 7; n++) {
			assertEquals(Math.max(0, 6 - n + 1) * 15 / (double) (voxels / 8 * (8 - n + 1)), path.value(2, n),
				1e-15, "z, n = " + n);
			assertEquals(Math.max(0, 5 - n + 1) * 18 / (double) (voxels / 10 * (10 - n + 1)), path.value(0, n),
				1e-15, "x, n = " + n);
		}
		assertEquals(90 / (double) voxels, path.curve(1)[0], 1e-15);
	}

	@Test
	void randomVolumesMatchSegmentAndRunCounting() {
		for (long seed = 1; seed <= 4; seed++) {
			final LabelVolume v = MetricsATestVolumes.random(11, 9, 10, new double[] { 0.3, 0.7 }, seed);
			for (int phase = 0; phase < 2; phase++) {
				final LinealPath path = LinealPath.of(v, phase, 9);
				final ChordLengths chords = ChordLengths.of(v, phase);
				for (int axis = 0; axis < 3; axis++) {
					final int length = axis == 0 ? v.sizeX() : axis == 1 ? v.sizeY() : v.sizeZ();
					for (int n = 1; n <= 9; n++) {
						long hits = 0;
						long positions = 0;
						for (int z = 0; z < v.sizeZ(); z++) {
							for (int y = 0; y < v.sizeY(); y++) {
								for (int x = 0; x < v.sizeX(); x++) {
									final int[] p = { x, y, z };
									if (p[axis] + n > length) continue;
									positions++;
									boolean all = true;
									for (int k = 0; k < n; k++) {
										p[axis] = (axis == 0 ? x : axis == 1 ? y : z) + k;
										all &= in(v, p[0], p[1], p[2], phase);
									}
									if (all) hits++;
								}
							}
						}
						assertEquals(hits, path.hits()[axis][n], "axis " + axis + ", n = " + n);
						assertEquals(positions, path.positions()[axis][n]);
					}
					assertArrayEquals(interiorRuns(v, phase, axis), chords.counts()[axis], "axis " + axis);
				}
			}
		}
	}

	/** Runs starting after a non-phase voxel and ending before one, both inside the line. */
	private static long[] interiorRuns(final LabelVolume v, final int phase, final int axis) {
		final int length = axis == 0 ? v.sizeX() : axis == 1 ? v.sizeY() : v.sizeZ();
		final long[] counts = new long[length + 1];
		for (int z = 0; z < v.sizeZ(); z++) {
			for (int y = 0; y < v.sizeY(); y++) {
				for (int x = 0; x < v.sizeX(); x++) {
					final int[] p = { x, y, z };
					final int start = p[axis];
					if (start == 0 || !in(v, x, y, z, phase)) continue;
					p[axis] = start - 1;
					if (in(v, p[0], p[1], p[2], phase)) continue;
					int end = start;
					while (true) {
						p[axis] = end + 1;
						if (end + 1 >= length || !in(v, p[0], p[1], p[2], phase)) break;
						end++;
					}
					if (end + 1 < length) counts[end - start + 1]++;
				}
			}
		}
		return counts;
	}
}
