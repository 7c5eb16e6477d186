package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.AxisKernel;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.lattice.ScheduleKind;

class ForwardNoisingTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();

	@Test
	void massIsInvariantForEveryDraw() {
		for (final Boundary boundary : Boundary.values()) {
			final Grid grid = new Grid(9, 7, 5, boundary);
			final byte[][][] crops = new byte[4][][];
			for (int b = 0; b < crops.length; b++) {
				crops[b] = Crops.random(grid, new double[] { 0.5, 0.3, 0.2 }, b);
			}
			final ChannelMap channels = new ChannelMap(3, 0);
			final ForwardNoising noising = new ForwardNoising(grid, channels, 20, SCHEDULE);
			final NoisedBatch batch = noising.noise(crops, new int[] { 1, 700, 1500, 1999 }, 5);
			for (int b = 0; b < crops.length; b++) {
				final long[] phases = Crops.phaseCounts(crops[b], 3);
				for (int c = 0; c < 2; c++) {
					assertEquals(phases[channels.phaseOf(c)], Crops.sum(batch.counts(), batch.shape()
						.countsOffset(b, c), grid.voxels()));
				}
				final int[][] counts = noising.noisedCounts(crops[b], 1999, b);
				assertEquals(phases[1], Arrays.stream(counts[0]).sum());
				assertEquals(phases[2], Arrays.stream(counts[1]).sum());
			}
		}
	}

	@Test
	void targetsSatisfyTheMasterEquation() {
		final double rate = 3;
		for (final Boundary boundary : Boundary.values()) {
			final Grid grid = new Grid(6, 5, 4, boundary);
			final ForwardNoising noising = new ForwardNoising(grid, new ChannelMap(2, 0), rate, SCHEDULE);
			for (final int start : new int[] { 0, grid.index(2, 3, 1), grid.index(5, 4, 3) }) {
				for (final int k : new int[] { 300, 1200, 1900 }) {
					for (long seed = 0; seed < 20; seed++) {
						final byte[][] crop = new byte[grid.sizeZ()][grid.sliceLength()];
						crop[start / grid.sliceLength()][start % grid.sliceLength()] = 1;
						final NoisedBatch batch = noising.noise(new byte[][][] { crop }, new int[] { k },
							seed);
						final int at = landing(batch);
						double total = 0;
						for (final Direction d : Direction.values()) {
							total += batch.targets()[batch.shape().ratesOffset(0, 0, d) + at];
						}
						final double expected = rate * inBoxNeighbours(grid, at) + timeDerivativeOfLog(grid,
							rate, SCHEDULE.time(k), start, at);
						assertEquals(expected, total, 2e-5 * Math.max(1, Math.abs(expected)), boundary
							+ " k=" + k + " " + start + "->" + at);
					}
				}
			}
		}
	}

	@Test
	void landingSitesFollowTheProductKernel() {
		final double rate = 4;
		for (final Boundary boundary : Boundary.values()) {
			final Grid grid = new Grid(5, 4, 3, boundary);
			final int start = grid.index(1, 3, 0);
			final byte[][][] crops = new byte[4000][grid.sizeZ()][grid.sliceLength()];
			for (final byte[][] crop : crops) {
				crop[0][start] = 1;
			}
			final int k = 1500;
			final int[] timeIndex = new int[crops.length];
			Arrays.fill(timeIndex, k);
			final double[] hits = new double[grid.voxels()];
			final int rounds = 5;
			for (int round = 0; round < rounds; round++) {
				final NoisedBatch batch = new ForwardNoising(grid, new ChannelMap(2, 0), rate, SCHEDULE)
					.noise(crops, timeIndex, round);
				for (int i = 0; i < batch.counts().length; i++) {
					hits[i % grid.voxels()] += batch.counts()[i];
				}
			}
			final double draws = (double) rounds * crops.length;
			for (int v = 0; v < grid.voxels(); v++) {
				final double p = product(grid, rate * SCHEDULE.time(k), start, v);
				assertEquals(p, hits[v] / draws, 5 * Math.sqrt(p * (1 - p) / draws) + 1e-4, boundary
					+ " voxel " + v);
			}
		}
	}

	@Test
	void reflectingTargetsHaveNoOutwardRate() {
		final Grid grid = new Grid(5, 6, 7, Boundary.REFLECTING);
		final byte[][] crop = Crops.random(grid, new double[] { 0.6, 0.4 }, 3);
		final NoisedBatch batch = new ForwardNoising(grid, new ChannelMap(2, 0), 10, SCHEDULE).noise(
			new byte[][][] { crop, crop }, new int[] { 50, 1999 }, 8);
		int checked = 0;
		for (int b = 0; b < 2; b++) {
			for (int v = 0; v < grid.voxels(); v++) {
				for (final Direction d : Direction.values()) {
					final float value = batch.targets()[batch.shape().ratesOffset(b, 0, d) + v];
					if (grid.neighbour(v, d) < 0) {
						assertEquals(0f, value);
						checked++;
					}
					if (batch.counts()[batch.shape().countsOffset(b, 0) + v] == 0) assertEquals(0f, value);
				}
			}
		}
		assertEquals(2 * 2 * (5 * 6 + 6 * 7 + 5 * 7), checked);
	}

	@Test
	void perParticleRatesTendToTheHopRateWhenMixed() {
		final double rate = 500;
		final Grid grid = new Grid(8, 8, 8, Boundary.PERIODIC);
		final byte[][] crop = Crops.random(grid, new double[] { 0.8, 0.2 }, 4);
		final NoisedBatch batch = new ForwardNoising(grid, new ChannelMap(2, 0), rate, SCHEDULE)
			.noise(new byte[][][] { crop }, new int[] { 1999 }, 1);
		for (int v = 0; v < grid.voxels(); v++) {
			final float n = batch.counts()[v];
			for (final Direction d : Direction.values()) {
				assertEquals(rate * n, batch.targets()[batch.shape().ratesOffset(0, 0, d) + v], 1e-3 * rate
					* Math.max(1, n));
			}
		}
	}

	@Test
	void earlyTimesMoveFewParticles() {
		final Grid grid = new Grid(16, 16, 16, Boundary.PERIODIC);
		final byte[][] crop = Crops.random(grid, new double[] { 0.8, 0.2 }, 6);
		final ForwardNoising noising = new ForwardNoising(grid, new ChannelMap(2, 0), 1, SCHEDULE);
		final int[][] early = noising.noisedCounts(crop, 1, 2);
		int stayed = 0;
		int particles = 0;
		for (int v = 0; v < grid.voxels(); v++) {
			if (crop[v / 256][v % 256] == 1) {
				particles++;
				if (early[0][v] > 0) stayed++;
			}
		}
		assertTrue(stayed > 0.99 * particles, stayed + " of " + particles);
	}

	@Test
	void resultsDoNotDependOnThreadCount() throws Exception {
		final Grid grid = new Grid(12, 10, 9, Boundary.REFLECTING);
		final byte[][][] crops = { Crops.random(grid, new double[] { 0.7, 0.3 }, 1), Crops.random(grid,
			new double[] { 0.7, 0.3 }, 2) };
		final ForwardNoising noising = new ForwardNoising(grid, new ChannelMap(2, 0), 5,
			new Schedule(ScheduleKind.LINEAR, 100));
		final NoisedBatch one = new ForkJoinPool(1).submit(() -> noising.noise(crops, new int[] { 10,
			90 }, 77)).get();
		final NoisedBatch four = new ForkJoinPool(4).submit(() -> noising.noise(crops, new int[] { 10,
			90 }, 77)).get();
		assertArrayEquals(one.counts(), four.counts());
		assertArrayEquals(one.targets(), four.targets());
	}

	private static int landing(final NoisedBatch batch) {
		for (int v = 0; v < batch.shape().voxels(); v++) {
			if (batch.counts()[v] == 1) return v;
		}
		throw new AssertionError("particle lost");
	}

	private static int inBoxNeighbours(final Grid grid, final int v) {
		int n = 0;
		for (final Direction d : Direction.values()) {
			if (grid.neighbour(v, d) >= 0) n++;
		}
		return n;
	}

	/** d/dt ln p_t(x | x0) by central differences of the product of axis kernels. */
	private static double timeDerivativeOfLog(final Grid grid, final double rate, final double t,
		final int from, final int to)
	{
		final double h = 1e-5 * t;
		return (Math.log(product(grid, rate * (t + h), from, to)) - Math.log(product(grid, rate * (t
			- h), from, to))) / (2 * h);
	}

	private static double product(final Grid grid, final double tau, final int from, final int to) {
		final int[] a = coordinates(grid, from);
		final int[] b = coordinates(grid, to);
		double p = 1;
		for (int axis = 0; axis < 3; axis++) {
			p *= AxisKernel.of(grid.boundary(), grid.size(axis), tau).probability(b[axis], a[axis]);
		}
		return p;
	}

	private static int[] coordinates(final Grid grid, final int v) {
		return new int[] { v % grid.sizeX(), v / grid.sizeX() % grid.sizeY(), v / grid.sliceLength() };
	}
}
