package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class TortuosityTest {

	@Test
	void straightChannelHasTortuosityOne() {
		final LabelVolume volume = VoxelShapes.empty(10, 8, 12, 2);
		VoxelShapes.fill(volume, 2, 3, 0, 5, 5, 12, 1);
		final TortuosityResult z = Tortuosity.compute(volume, 1, 2);
		assertEquals(1.0, z.tortuosityFactor(), 1e-12);
		assertEquals(6.0 / 80, z.relativeDiffusivity(), 1e-12);
		assertTrue(z.converged());
		assertTrue(z.iterations() > 0, "never accepted before iterating");
		final TortuosityResult x = Tortuosity.compute(volume, 1, 0);
		assertEquals(0, x.relativeDiffusivity());
		assertEquals(Double.POSITIVE_INFINITY, x.tortuosityFactor());
		final LabelVolume full = VoxelShapes.empty(7, 5, 9, 2);
		for (int axis = 0; axis < 3; axis++) assertEquals(1.0, Tortuosity.compute(full, 0, axis).tortuosityFactor(), 1e-12);
	}

	/**
	 * A one-voxel 45 degree staircase in the plane z = 1: (0,0), (1,0), (1,1), (2,1), ... (23,22), 46
	 * voxels. Its start profile already has equal layer fluxes along x, so only the voxel residual
	 * keeps the solver going; D_rel = L / (N A) and tau = (N / L)^2.
	 */
	@Test
	void staircaseChannelIsSolvedNotAcceptedAtTheStartProfile() {
		final LabelVolume volume = VoxelShapes.empty(24, 24, 4, 2);
		volume.setPhase(0, 0, 1, 1);
		for (int x = 1; x < 24; x++) {
			volume.setPhase(x, x - 1, 1, 1);
			volume.setPhase(x, x, 1, 1);
		}
		volume.setPhase(23, 23, 1, 0);
		assertEquals(46, volume.phaseCounts()[1]);
		final TortuosityResult result = Tortuosity.compute(volume, 1, 0);
		assertTrue(result.converged());
		assertTrue(result.iterations() > 0);
		assertTrue(result.fluxesAgree());
		assertTrue(result.voxelResidual() <= Tortuosity.RESIDUAL_TOLERANCE);
		assertEquals(0.0054348, result.relativeDiffusivity(), 1e-7);
		assertEquals(24 / (46.0 * 96), result.relativeDiffusivity(), 1e-4 * result.relativeDiffusivity());
		assertEquals(3.6736, result.tortuosityFactor(), 1e-4);
		final TortuosityResult tight = Tortuosity.compute(volume, 1, 0, 1e-10, 1_000_000, p -> {}, () -> false);
		assertEquals(46 * 46 / (24.0 * 24), tight.tortuosityFactor(), 1e-8);
	}

	@Test
	void refusesAnIterationLimitBelowOne() {
		final LabelVolume volume = VoxelShapes.empty(4, 4, 4, 2);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> Tortuosity.compute(volume, 0, 0, 0.01, 0, p -> {}, () -> false));
		assertEquals("maxIterations must be at least 1, got 0", e.getMessage());
	}

	@Test
	void deadEndsAndIsolatedClustersCarryNoFlux() {
		final LabelVolume volume = VoxelShapes.empty(12, 10, 16, 2);
		VoxelShapes.fill(volume, 1, 1, 0, 3, 3, 16, 1);
		// a pocket one layer thick reaching from the channel's side towards +x: no path through it
		VoxelShapes.fill(volume, 3, 1, 7, 9, 3, 8, 1);
		// an island touching neither reservoir face
		VoxelShapes.fill(volume, 6, 5, 4, 9, 8, 12, 1);
		final TortuosityResult result = Tortuosity.compute(volume, 1, 2, 1e-10, 100_000, p -> {}, () -> false);
		final long channel = 4 * 16, pocket = 6 * 2, island = 3 * 3 * 8;
		assertTrue(result.converged());
		assertEquals(4 / 120.0, result.relativeDiffusivity(), 1e-8);
		assertEquals((channel + pocket + island) / (double) channel, result.tortuosityFactor(), 1e-7);
	}

	@Test
	void matchesDirectSolutionOnRandomVolumes() {
		for (long seed = 1; seed <= 4; seed++) {
			final LabelVolume volume = VoxelShapes.random(6, 5, 7, 0.65, seed);
			for (int axis = 0; axis < 3; axis++) {
				final double expected = directRelativeDiffusivity(volume, 1, axis);
				final TortuosityResult sor = Tortuosity.compute(volume, 1, axis, 1e-10, 1_000_000, p -> {},
					() -> false);
				assertTrue(sor.converged());
				assertEquals(expected, sor.relativeDiffusivity(), 1e-8 * Math.max(expected, 1e-3),
					"seed " + seed + " axis " + axis);
			}
		}
	}

	@Test
	void reportsProgressCancelsAndStopsAtTheIterationLimit() {
		final LabelVolume volume = VoxelShapes.random(20, 20, 20, 0.7, 5);
		final double[] last = { -1 };
		final TortuosityResult done = Tortuosity.compute(volume, 1, 2, 1e-4, 100_000, p -> last[0] = p, () -> false);
		assertEquals(1.0, last[0]);
		assertTrue(done.fluxSpread() <= 1e-4);
		final TortuosityResult stopped = Tortuosity.compute(volume, 1, 2, 1e-12, 20, p -> {}, () -> false);
		assertFalse(stopped.converged());
		assertEquals(20, stopped.iterations());
		assertFalse(stopped.residualSmall());
		assertThrows(CancellationException.class, () -> Tortuosity.compute(volume, 1, 2, 1e-4, 1000, p -> {},
			() -> true));
	}

	@Test
	void electrodePoreAlongZ() {
		final LabelVolume electrode = VoxelShapes.electrode();
		final TortuosityResult pore = Tortuosity.compute(electrode, 0, 2);
		assertTrue(pore.converged());
		assertEquals(2.0776, pore.tortuosityFactor(), 0.01 * 2.0776);
		assertEquals(0.2166, pore.relativeDiffusivity(), 0.01 * 0.2166);
	}

	/**
	 * Relative diffusivity by Gaussian elimination over the phase voxels whose face-connected cluster
	 * touches a reservoir face; the flux is the one leaving the first reservoir.
	 */
	private static double directRelativeDiffusivity(final LabelVolume volume, final int phase, final int axis) {
		final int[] size = { volume.sizeX(), volume.sizeY(), volume.sizeZ() };
		final int n = size[0] * size[1] * size[2];
		final int[] index = new int[n];
		Arrays.fill(index, -1);
		final ArrayDeque<int[]> queue = new ArrayDeque<>();
		int m = 0;
		for (int v = 0; v < n; v++) {
			final int[] p = { v % size[0], v / size[0] % size[1], v / (size[0] * size[1]) };
			if (volume.phaseAt(p[0], p[1], p[2]) == phase && (p[axis] == 0 || p[axis] == size[axis] - 1)) {
				index[v] = m++;
				queue.add(p);
			}
		}
		final List<int[]> voxels = new ArrayList<>(queue);
		while (!queue.isEmpty()) {
			final int[] p = queue.poll();
			for (int d = 0; d < 6; d++) {
				final int[] q = p.clone();
				q[d / 2] += d % 2 == 0 ? -1 : 1;
				if (q[d / 2] < 0 || q[d / 2] >= size[d / 2] || volume.phaseAt(q[0], q[1], q[2]) != phase) continue;
				final int w = q[0] + size[0] * (q[1] + size[1] * q[2]);
				if (index[w] >= 0) continue;
				index[w] = m++;
				voxels.add(q);
				queue.add(q);
			}
		}
		final double[][] a = new double[m][m + 1];
		for (int i = 0; i < m; i++) {
			final int[] p = voxels.get(i);
			for (int d = 0; d < 6; d++) {
				final int[] q = p.clone();
				q[d / 2] += d % 2 == 0 ? -1 : 1;
				if (q[d / 2] < 0 || q[d / 2] >= size[d / 2]) continue;
				final int j = index[q[0] + size[0] * (q[1] + size[1] * q[2])];
				if (j < 0) continue;
				a[i][i] += 1;
				a[i][j] -= 1;
			}
			if (p[axis] == 0) {
				a[i][i] += 2;
				a[i][m] += 2 * 0.5;
			}
			if (p[axis] == size[axis] - 1) {
				a[i][i] += 2;
				a[i][m] -= 2 * 0.5;
			}
		}
		for (int col = 0; col < m; col++) {
			int pivot = col;
			for (int r = col + 1; r < m; r++) if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) pivot = r;
			final double[] t = a[col];
			a[col] = a[pivot];
			a[pivot] = t;
			for (int r = 0; r < m; r++) {
				if (r == col || a[r][col] == 0) continue;
				final double f = a[r][col] / a[col][col];
				for (int k = col; k <= m; k++) a[r][k] -= f * a[col][k];
			}
		}
		double flux = 0;
		for (int i = 0; i < m; i++) {
			if (voxels.get(i)[axis] == 0) flux += 2 * (0.5 - a[i][m] / a[i][i]);
		}
		return flux * size[axis] / (n / (double) size[axis]);
	}
}
