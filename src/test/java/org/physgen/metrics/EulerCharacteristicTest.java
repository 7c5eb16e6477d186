package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.physgen.metrics.MetricsATestVolumes.empty;
import static org.physgen.metrics.MetricsATestVolumes.fill;
import static org.physgen.metrics.MetricsATestVolumes.in;

import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class EulerCharacteristicTest {

	@Test
	void solidCubeHasOne() {
		final LabelVolume v = empty(7, 8, 9, 2);
		fill(v, 1, 6, 2, 7, 1, 6, 1);
		assertChi(v, 1, 1, 1);
		// the complement: a shell touching the border around the cube, which is a cavity of it
		assertChi(v, 0, 2, 2);
	}

	@Test
	void cubeFillingTheVolumeHasOne() {
		final LabelVolume v = empty(4, 4, 4, 2);
		fill(v, 0, 4, 0, 4, 0, 4, 1);
		assertChi(v, 1, 1, 1);
	}

	@Test
	void cubeWithCavityHasTwo() {
		final LabelVolume v = empty(7, 7, 7, 2);
		fill(v, 1, 6, 1, 6, 1, 6, 1);
		fill(v, 2, 5, 3, 4, 3, 4, 0);
		assertChi(v, 1, 2, 2);
	}

	@Test
	void cubeWithTunnelHasZero() {
		final LabelVolume v = empty(7, 7, 7, 2);
		fill(v, 1, 6, 1, 6, 1, 6, 1);
		fill(v, 3, 4, 3, 4, 0, 7, 0);
		assertChi(v, 1, 0, 0);
	}

	@Test
	void diagonalNeighboursDifferBetweenConnectivities() {
		final LabelVolume v = empty(4, 4, 4, 2);
		v.setPhase(1, 1, 1, 1);
		v.setPhase(2, 2, 2, 1);
		// two components for 6-connectivity, one touching at a corner for 26-connectivity
		assertChi(v, 1, 2, 1);
	}

	@Test
	void ringOfEdgeNeighboursIsATunnelOnlyFor26() {
		final LabelVolume v = empty(5, 5, 3, 2);
		v.setPhase(2, 1, 1, 1);
		v.setPhase(3, 2, 1, 1);
		v.setPhase(2, 3, 1, 1);
		v.setPhase(1, 2, 1, 1);
		assertChi(v, 1, 4, 0);
	}

	@Test
	void randomVolumesMatchCellCounting() {
		for (long seed = 1; seed <= 6; seed++) {
			final LabelVolume v = MetricsATestVolumes.random(9, 7, 8, new double[] { 0.4, 0.35, 0.25 }, seed);
			for (int p = 0; p < 3; p++) {
				assertChi(v, p, bruteChi6(v, p), bruteChi26(v, p));
			}
		}
	}

	private static void assertChi(final LabelVolume v, final int phase, final long chi6, final long chi26) {
		final EulerCharacteristic chi = EulerCharacteristic.of(v, phase);
		assertEquals(phase, chi.phase());
		assertEquals(chi6, chi.chi6(), "chi6");
		assertEquals(chi26, chi.chi26(), "chi26");
	}

	/** Voxels - face pairs + 2×2 squares - 2×2×2 cubes, by looking at every block. */
	private static long bruteChi6(final LabelVolume v, final int p) {
		long chi = 0;
		for (int z = 0; z < v.sizeZ(); z++) {
			for (int y = 0; y < v.sizeY(); y++) {
				for (int x = 0; x < v.sizeX(); x++) {
					if (!in(v, x, y, z, p)) continue;
					chi++;
					chi -= (in(v, x + 1, y, z, p) ? 1 : 0) + (in(v, x, y + 1, z, p) ? 1 : 0) + (in(v, x, y, z + 1, p)
						? 1 : 0);
					chi += (in(v, x + 1, y, z, p) && in(v, x, y + 1, z, p) && in(v, x + 1, y + 1, z, p) ? 1 : 0)
						+ (in(v, x + 1, y, z, p) && in(v, x, y, z + 1, p) && in(v, x + 1, y, z + 1, p) ? 1 : 0)
						+ (in(v, x, y + 1, z, p) && in(v, x, y, z + 1, p) && in(v, x, y + 1, z + 1, p) ? 1 : 0);
					boolean cube = true;
					for (int c = 1; c < 8; c++) cube &= in(v, x + (c & 1), y + (c >> 1 & 1), z + (c >> 2), p);
					if (cube) chi--;
				}
			}
		}
		return chi;
	}

	/**
	 * V - E + F - C of the closed complex: every cell of every phase voxel collected in a set, in doubled
	 * coordinates (a cell's dimension is the number of odd coordinates).
	 */
	private static long bruteChi26(final LabelVolume v, final int p) {
		final Set<Long> cells = new HashSet<>();
		for (int z = 0; z < v.sizeZ(); z++) {
			for (int y = 0; y < v.sizeY(); y++) {
				for (int x = 0; x < v.sizeX(); x++) {
					if (!in(v, x, y, z, p)) continue;
					for (int dz = 0; dz <= 2; dz++) {
						for (int dy = 0; dy <= 2; dy++) {
							for (int dx = 0; dx <= 2; dx++) {
								cells.add(((2L * z + dz) * 1000 + 2L * y + dy) * 1000 + 2L * x + dx);
							}
						}
					}
				}
			}
		}
		long chi = 0;
		for (final long cell : cells) {
			final int odd = (int) (cell % 2 + cell / 1000 % 2 + cell / 1_000_000 % 2);
			chi += odd % 2 == 0 ? 1 : -1;
		}
		return chi;
	}
}
