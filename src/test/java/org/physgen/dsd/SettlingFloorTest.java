package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;

class SettlingFloorTest {

	private static final double T = 0.01;

	/** One item, two channels, a periodic ring of 4 voxels along x (y and z hops stay on the voxel). */
	private static final BatchShape RING = new BatchShape(1, 2, new Grid(4, 1, 1, Boundary.PERIODIC));

	/**
	 * Voxel 0 holds one particle of each channel (crowded), voxel 1 one of channel 0, voxels 2 and
	 * 3 none: the only empty neighbour of voxel 0 is voxel 3 (−x).
	 */
	private static final float[] COUNTS = { 1, 1, 0, 0, 1, 0, 0, 0 };

	private static float[] floored(final RateModel model, final double networkTime) {
		final float[] rates = new float[RING.ratesLength()];
		new SettlingFloor(model, s -> s, 0.5).rates(RING, COUNTS, new double[] { networkTime }, rates);
		return rates;
	}

	private static float rate(final float[] rates, final int c, final Direction d, final int voxel) {
		return rates[RING.ratesOffset(0, c, d) + voxel];
	}

	private static RateModel constant(final float value) {
		return (shape, counts, time, rates) -> Arrays.fill(rates, value);
	}

	@Test
	void crowdedVoxelEmptiesOntoItsEmptyNeighbourAtRateExcessOverTime() {
		final float[] rates = floored(constant(0), T);
		// N = 2: the excess 1 leaves at 1/t in total, shared by the two particles
		assertEquals(0.5 / T, rate(rates, 0, Direction.MINUS_X, 0), 1e-3);
		assertEquals(0.5 / T, rate(rates, 1, Direction.MINUS_X, 0), 1e-3);
		// onto the occupied neighbour, and from the voxel holding one particle: as the model gives
		assertEquals(0, rate(rates, 0, Direction.PLUS_X, 0));
		assertEquals(0, rate(rates, 0, Direction.PLUS_X, 1));
	}

	/**
	 * A periodic ring of 5: voxel 0 holds one particle of each channel, voxels 1, 2 and 4 one, voxel 3
	 * none. Voxel 0 is two steps from the hole through voxel 4 (−x) and three through voxels 1 and 2.
	 */
	@Test
	void crowdedVoxelWithoutEmptyNeighbourEmptiesTowardsTheNearestHole() {
		final BatchShape ring = new BatchShape(1, 2, new Grid(5, 1, 1, Boundary.PERIODIC));
		final float[] counts = { 1, 1, 1, 0, 1, 1, 0, 0, 0, 0 };
		final float[] rates = new float[ring.ratesLength()];
		new SettlingFloor(constant(0), s -> s, 0.5).rates(ring, counts, new double[] { T }, rates);
		for (int c = 0; c < 2; c++) {
			assertEquals(0.5 / T, rates[ring.ratesOffset(0, c, Direction.MINUS_X)], 1e-3);
			assertEquals(0, rates[ring.ratesOffset(0, c, Direction.PLUS_X)]);
		}
		assertEquals(0, rates[ring.ratesOffset(0, 0, Direction.PLUS_X) + 4], "voxel 4 holds one particle");
	}

	@Test
	void keepsTheModelsSplitBetweenChannels() {
		final RateModel preferring = (shape, counts, time, rates) -> {
			Arrays.fill(rates, 0);
			rates[shape.ratesOffset(0, 0, Direction.MINUS_X)] = 3;
			rates[shape.ratesOffset(0, 1, Direction.MINUS_X)] = 1;
		};
		final float[] rates = floored(preferring, T);
		assertEquals(0.75 / T, rate(rates, 0, Direction.MINUS_X, 0), 1e-3);
		assertEquals(0.25 / T, rate(rates, 1, Direction.MINUS_X, 0), 1e-3);
	}

	@Test
	void leavesRatesAboveTheFloorAndLaterTimesAlone() {
		final float[] fast = new float[RING.ratesLength()];
		constant(1000).rates(RING, COUNTS, new double[] { T }, fast);
		assertArrayEquals(fast, floored(constant(1000), T));
		final float[] still = new float[RING.ratesLength()];
		assertArrayEquals(still, floored(constant(0), 0.5));
	}

	/**
	 * Uninformed rates (the forward rate everywhere) leave about a tenth of the particles stacked at
	 * t = 0 from a fifth-occupied lattice; with the floor none is left.
	 */
	@Test
	void reverseRunEndsWithoutStackedParticles() {
		final Grid grid = new Grid(12, 12, 12, Boundary.PERIODIC);
		final double r = 8;
		final Schedule schedule = Schedule.defaultSchedule();
		final RateModel forward = constant((float) r);
		final double settling = schedule.networkTimeOf(1 / r);
		final int[] start = new int[grid.voxels()];
		final SplittableRandom random = new SplittableRandom(3);
		for (int i = 0; i < grid.voxels() / 5; i++) start[random.nextInt(grid.voxels())]++;
		final int[] plain = run(grid, schedule, forward, start);
		final int[] settled = run(grid, schedule, new SettlingFloor(forward, schedule::physicalTime, settling),
			start);
		assertTrue(excess(plain) > 0.05 * grid.voxels() / 5, "plain run: excess " + excess(plain));
		for (int v = 0; v < grid.voxels(); v++) {
			if (settled[v] < 2) continue;
			for (final Direction d : Direction.values()) {
				assertTrue(settled[grid.neighbour(v, d)] > 0, "voxel " + v + " holds " + settled[v]
					+ " particles next to an empty voxel");
			}
		}
		assertEquals(0, excess(settled), "stacked particles left with the floor, against " + excess(plain)
			+ " without it");
	}

	private static int[] run(final Grid grid, final Schedule schedule, final RateModel model, final int[] start) {
		return new TauLeapSampler(grid, 1, schedule, model).sample(new int[][][] { { start } }, null,
			SamplerSettings.defaults(5), TauLeapListener.NONE, () -> false).counts()[0][0];
	}

	private static int excess(final int[] counts) {
		int excess = 0;
		for (final int n : counts) excess += Math.max(0, n - 1);
		return excess;
	}
}
