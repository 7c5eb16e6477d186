package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class LocalThicknessTest {

	@Test
	void slabThicknessIsHalfItsWidthRoundedUp() {
		for (int width = 1; width <= 9; width++) {
			final LabelVolume volume = VoxelShapes.empty(6, 5, width + 2, 2);
			VoxelShapes.fill(volume, 0, 0, 1, 6, 5, width + 1, 1);
			final ThicknessDistribution slab = LocalThickness.compute(volume, 1);
			final int expected = (width + 1) / 2;
			assertEquals(expected, slab.meanThickness(), 1e-12, "slab of width " + width);
			assertEquals(1.0, slab.fraction(expected), 1e-12);
			assertEquals(expected, slab.maxDistance(), 1e-12);
			assertEquals(30L * width, slab.phaseVoxels());
		}
	}

	@Test
	void ballMatchesTheDefinition() {
		final int size = 17;
		final LabelVolume volume = VoxelShapes.empty(size, size, size, 2);
		for (int z = 0; z < size; z++) {
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					final int d2 = (x - 8) * (x - 8) + (y - 8) * (y - 8) + (z - 8) * (z - 8);
					if (d2 <= 36) volume.setPhase(x, y, z, 1);
				}
			}
		}
		final ThicknessDistribution ball = LocalThickness.compute(volume, 1);
		// the outside voxels nearest the centre, such as offset (6, 1, 0), are sqrt(37) away
		assertEquals(Math.sqrt(37), ball.maxDistance(), 1e-12);
		assertArrayEquals(byDefinition(volume, 1), ball.fractionByRadius(), 1e-12);
	}

	@Test
	void matchesTheDefinitionOnRandomVolumes() {
		for (long seed = 1; seed <= 6; seed++) {
			final LabelVolume volume = VoxelShapes.random(14, 11, 9, 0.55 + 0.07 * seed, seed);
			for (int phase = 0; phase < 2; phase++) {
				final ThicknessDistribution fast = LocalThickness.compute(volume, phase);
				final double[] expected = byDefinition(volume, phase);
				assertArrayEquals(expected, fast.fractionByRadius(), 1e-12, "seed " + seed + " phase " + phase);
			}
		}
	}

	@Test
	void reportsProgressAndCancels() {
		final LabelVolume volume = VoxelShapes.random(20, 20, 20, 0.9, 3);
		final double[] last = { -1 };
		LocalThickness.compute(volume, 1, p -> last[0] = p, () -> false);
		assertEquals(1.0, last[0], 1e-12);
		assertThrows(CancellationException.class, () -> LocalThickness.compute(volume, 1, p -> {}, () -> true));
		assertThrows(IllegalArgumentException.class, () -> LocalThickness.compute(VoxelShapes.empty(4, 4, 4, 2), 0));
	}

	@Test
	void kettonReferenceValues() {
		final LabelVolume ketton = VoxelShapes.ketton();
		final ThicknessDistribution pore = LocalThickness.compute(ketton, 0);
		assertEquals(3.57, pore.meanThickness(), 0.02 * 3.57);
		assertEquals(9.95, pore.maxDistance(), 0.01);
		final double[] reference = { 0.1727, 0.1804, 0.1702, 0.1657, 0.1426, 0.0764, 0.0550, 0.0263, 0.0107 };
		assertEquals(reference.length, pore.fractionByRadius().length);
		for (int r = 1; r <= reference.length; r++) {
			assertEquals(reference[r - 1], pore.fraction(r), 0.02 * reference[r - 1], "r = " + r);
		}
		final ThicknessDistribution grain = LocalThickness.compute(ketton, 1);
		assertEquals(20.80, grain.meanThickness(), 0.02 * 20.80);
		assertEquals(40.14, grain.maxDistance(), 0.01);
	}

	@Test
	void electrodeReferenceValues() {
		final LabelVolume electrode = VoxelShapes.electrode();
		final double[][] reference = { { 4.27, 21.38 }, { 8.67, 16.91 }, { 1.04, 2.83 } };
		for (int phase = 0; phase < 3; phase++) {
			final ThicknessDistribution t = LocalThickness.compute(electrode, phase);
			assertEquals(reference[phase][0], t.meanThickness(), 0.02 * reference[phase][0], "phase " + phase);
			assertEquals(reference[phase][1], t.maxDistance(), 0.01, "phase " + phase);
		}
	}

	/** The definition applied literally, every seed tested against every voxel. */
	private static double[] byDefinition(final LabelVolume volume, final int phase) {
		final int sx = volume.sizeX(), sy = volume.sizeY(), sz = volume.sizeZ();
		final int n = sx * sy * sz;
		final DistanceMap dt = DistanceTransform.compute(volume, phase);
		final int levels = (int) Math.floor(dt.maxDistance());
		final int[] thickness = new int[n];
		final long[] counts = new long[levels + 1];
		long phaseVoxels = 0;
		for (int r = levels; r >= 1; r--) {
			for (int p = 0; p < n; p++) {
				if (dt.distances()[p] == 0 || thickness[p] != 0) continue;
				final int px = p % sx, py = p / sx % sy, pz = p / (sx * sy);
				for (int s = 0; s < n; s++) {
					if (dt.distances()[s] < r) continue;
					final int dx = s % sx - px, dy = s / sx % sy - py, dz = s / (sx * sy) - pz;
					if (Math.sqrt(dx * dx + dy * dy + dz * dz) < r) {
						thickness[p] = r;
						counts[r]++;
						phaseVoxels++;
						break;
					}
				}
			}
		}
		final double[] fractions = new double[levels];
		for (int r = 1; r <= levels; r++) fractions[r - 1] = counts[r] / (double) phaseVoxels;
		return fractions;
	}
}
