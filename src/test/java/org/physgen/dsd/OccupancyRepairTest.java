package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;

class OccupancyRepairTest {

	@Test
	void validVolumesComeBackUnchanged() {
		for (final double[] fractions : new double[][] { { 0.7, 0.3 }, { 0.2, 0.5, 0.3 } }) {
			final Grid grid = new Grid(9, 8, 7, Boundary.PERIODIC);
			final byte[][] volume = Crops.random(grid, fractions, 3);
			final ChannelMap channels = ChannelMap.forCounts(Crops.phaseCounts(volume,
				fractions.length));
			final int[][] counts = new int[channels.channels()][grid.voxels()];
			for (int v = 0; v < grid.voxels(); v++) {
				final int c = channels.channelOf(volume[v / grid.sliceLength()][v % grid.sliceLength()]);
				if (c >= 0) counts[c][v] = 1;
			}
			final OccupancyRepair.Result result = OccupancyRepair.repair(grid, channels, counts);
			assertArrayEquals(volume, result.labels());
			assertEquals(0, result.moved());
			assertEquals(0.0, result.repairedFraction());
		}
	}

	@Test
	void crowdedVoxelsAreRepairedWithExactCounts() {
		final UniformRandomProvider rng = Crops.random(4);
		for (final int phases : new int[] { 2, 3, 4 }) {
			final Grid grid = new Grid(7, 6, 5, Boundary.REFLECTING);
			final ChannelMap channels = new ChannelMap(phases, phases - 1);
			final int[][] counts = new int[channels.channels()][grid.voxels()];
			final long[] masses = new long[phases];
			for (int c = 0; c < counts.length; c++) {
				for (int i = 0; i < 40; i++) {
					counts[c][rng.nextInt(grid.voxels() / 3)]++;
				}
				masses[channels.phaseOf(c)] = 40;
			}
			masses[phases - 1] = grid.voxels() - 40L * counts.length;
			final OccupancyRepair.Result result = OccupancyRepair.repair(grid, channels, counts);
			assertArrayEquals(masses, Crops.phaseCounts(result.labels(), phases));
			long expectedMoved = 0;
			for (int c = 0; c < counts.length; c++) {
				for (int v = 0; v < grid.voxels(); v++) {
					final boolean kept = result.labels()[v / grid.sliceLength()][v % grid
						.sliceLength()] == channels.phaseOf(c);
					expectedMoved += counts[c][v] - (kept && counts[c][v] > 0 ? 1 : 0);
				}
			}
			assertEquals(expectedMoved, result.moved());
			assertEquals(40L * counts.length, result.particles());
		}
	}

	@Test
	void oneDoubleOccupancyMovesOneParticleNextToIt() {
		final Grid grid = new Grid(5, 5, 5, Boundary.PERIODIC);
		final int[][] counts = new int[1][grid.voxels()];
		final int centre = grid.index(2, 2, 2);
		counts[0][centre] = 2;
		counts[0][grid.index(0, 0, 0)] = 1;
		final OccupancyRepair.Result result = OccupancyRepair.repair(grid, new ChannelMap(2, 0),
			counts);
		assertEquals(1, result.moved());
		assertEquals(1.0 / 3, result.repairedFraction(), 1e-15);
		assertEquals(1, result.labels()[2][2 + 5 * 2]);
		int nextToCentre = 0;
		for (final Direction d : Direction.values()) {
			final int v = grid.neighbour(centre, d);
			nextToCentre += result.labels()[v / 25][v % 25];
		}
		assertEquals(1, nextToCentre);
	}

	@Test
	void refusesMoreParticlesThanVoxels() {
		final Grid grid = new Grid(2, 2, 2, Boundary.PERIODIC);
		final int[][] counts = new int[1][8];
		counts[0][0] = 9;
		assertThrows(IllegalArgumentException.class, () -> OccupancyRepair.repair(grid,
			new ChannelMap(2, 0), counts));
	}
}
