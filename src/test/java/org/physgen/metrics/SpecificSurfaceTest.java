package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.physgen.metrics.MetricsATestVolumes.empty;
import static org.physgen.metrics.MetricsATestVolumes.fill;
import static org.physgen.metrics.MetricsATestVolumes.in;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class SpecificSurfaceTest {

	@Test
	void cubeInsideTheVolumeHasSixSquaresOfFaces() {
		final LabelVolume v = empty(9, 9, 9, 2);
		fill(v, 2, 6, 3, 7, 1, 5, 1);
		final SpecificSurface s = SpecificSurface.of(v, 1);
		assertArrayEquals(new long[] { 32, 32, 32 }, s.faces());
		assertEquals(96, s.faceCount());
		assertEquals(0, s.borderFaces());
		assertEquals(96 / 729.0, s.facesPerVoxel(), 1e-15);
		// the surrounding phase sees the same interface, and the whole volume border
		final SpecificSurface outside = SpecificSurface.of(v, 0);
		assertEquals(96, outside.faceCount());
		assertEquals(6 * 81, outside.borderFaces());
	}

	@Test
	void cubeOnTheBorderDoesNotCountBorderFaces() {
		final LabelVolume v = empty(6, 6, 6, 2);
		fill(v, 0, 3, 0, 3, 0, 3, 1);
		final SpecificSurface s = SpecificSurface.of(v, 1);
		assertEquals(27, s.faceCount());
		assertEquals(27, s.borderFaces());
	}

	@Test
	void slopeEstimateAveragesTheOneVoxelSlopesOfTheAxes() {
		final LabelVolume v = empty(10, 10, 10, 2);
		fill(v, 0, 10, 0, 10, 3, 7, 1);
		final SpecificSurface s = SpecificSurface.of(v, 1);
		// two planes of 100 faces normal to z among 900 z pairs: slope 200 / 1800 along z, 0 along x, y
		assertEquals(4 * (200 / 1800.0) / 3, s.s2SlopeEstimate(), 1e-15);
	}

	/**
	 * One-voxel layers alternating along z: the interface area per volume is 1 per voxel (4 µm layers:
	 * 1/4 per µm). The projected surface along z gives it; the isotropic -4 S2'(0) reads 2/3 of it.
	 */
	@Test
	void lamellaeGetTheirSurfaceFromTheAxisAcrossThemNotFromTheIsotropicEstimate() {
		final LabelVolume v = empty(6, 6, 20, 2);
		for (int z = 0; z < 20; z += 2) fill(v, 0, 6, 0, 6, z, z + 1, 1);
		final SpecificSurface s = SpecificSurface.of(v, 1);
		assertEquals(1.0, s.projectedSurface(2, 1), 1e-15);
		assertEquals(0.0, s.projectedSurface(0, 1));
		assertEquals(0.0, s.projectedSurface(1, 1));
		assertEquals(2.0 / 3, s.s2SlopeEstimate(), 1e-15);
		final double[] spacing = { 2.5, 2.5, 4 };
		assertEquals(0.25, s.projectedSurface(2, spacing[2]), 1e-15);
		assertEquals(2.0 / 3 * 0.25, s.s2SlopeEstimate(spacing), 1e-15);
		// 19 interfaces of 6 x 6 faces of 2.5 x 2.5 µm in 6 x 6 x 20 voxels of 2.5 x 2.5 x 4 µm
		assertEquals(19 * 36 * 6.25 / (720 * 25.0), s.facesPerVolume(spacing), 1e-15);
	}

	@Test
	void ballAreaIsOverestimatedByFacesButNotBySlope() {
		final int size = 64;
		final double radius = 25;
		final LabelVolume v = empty(size, size, size, 2);
		for (int z = 0; z < size; z++) {
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					final double dx = x - 31.5;
					final double dy = y - 31.5;
					final double dz = z - 31.5;
					if (dx * dx + dy * dy + dz * dz < radius * radius) v.setPhase(x, y, z, 1);
				}
			}
		}
		final double area = 4 * Math.PI * radius * radius / v.voxelCount();
		final SpecificSurface s = SpecificSurface.of(v, 1);
		assertEquals(1.5, s.facesPerVoxel() / area, 0.05);
		assertEquals(1.0, s.s2SlopeEstimate() / area, 0.03);
		for (int axis = 0; axis < 3; axis++) assertEquals(0.5, s.projectedSurface(axis, 1) / area, 0.03);
	}

	@Test
	void randomVolumesMatchNeighbourCounting() {
		final LabelVolume v = MetricsATestVolumes.random(8, 9, 7, new double[] { 0.4, 0.3, 0.3 }, 5);
		for (int phase = 0; phase < 3; phase++) {
			final long[] faces = new long[3];
			long border = 0;
			for (int z = 0; z < v.sizeZ(); z++) {
				for (int y = 0; y < v.sizeY(); y++) {
					for (int x = 0; x < v.sizeX(); x++) {
						if (!in(v, x, y, z, phase)) continue;
						final int[][] steps = { { 1, 0, 0 }, { 0, 1, 0 }, { 0, 0, 1 } };
						for (int a = 0; a < 3; a++) {
							for (final int sign : new int[] { -1, 1 }) {
								final int nx = x + sign * steps[a][0];
								final int ny = y + sign * steps[a][1];
								final int nz = z + sign * steps[a][2];
								if (nx < 0 || ny < 0 || nz < 0 || nx >= v.sizeX() || ny >= v.sizeY() || nz >= v.sizeZ()) {
									border++;
								}
								else if (v.phaseAt(nx, ny, nz) != phase) {
									faces[a]++;
								}
							}
						}
					}
				}
			}
			final SpecificSurface s = SpecificSurface.of(v, phase);
			assertArrayEquals(faces, s.faces());
			assertEquals(border, s.borderFaces());
		}
	}
}
