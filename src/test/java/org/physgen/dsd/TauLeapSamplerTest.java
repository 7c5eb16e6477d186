package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;

class TauLeapSamplerTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();

	@Test
	void exactRatesReturnBinaryParticlesToTheVolume() {
		recovers(new double[] { 0.8, 0.2 }, Boundary.PERIODIC, false);
		recovers(new double[] { 0.8, 0.2 }, Boundary.REFLECTING, true);
	}

	@Test
	void exactRatesReturnThreePhaseParticlesToTheVolume() {
		recovers(new double[] { 0.6, 0.25, 0.15 }, Boundary.PERIODIC, true);
	}

	/** Every particle of every channel ends on a voxel of its phase in x0, none is lost. */
	private static void recovers(final double[] fractions, final Boundary boundary,
		final boolean noisedStart)
	{
		final Grid grid = new Grid(16, 16, 16, boundary);
		final byte[][] volume = Crops.random(grid, fractions, 21);
		final long[] phases = Crops.phaseCounts(volume, fractions.length);
		final ChannelMap channels = ChannelMap.forCounts(phases);
		final double rate = noisedStart ? 2 : 8;
		final long[] masses = new long[channels.channels()];
		for (int c = 0; c < masses.length; c++) {
			masses[c] = phases[channels.phaseOf(c)];
		}
		final int[][] start = noisedStart ? SamplerStarts.noised(new ForwardNoising(grid, channels,
			rate, SCHEDULE), volume, 3) : SamplerStarts.uniform(grid, masses, null, 3);
		final TauLeapSampler sampler = new TauLeapSampler(grid, channels.channels(), SCHEDULE,
			new ExactRateModel(grid, channels, volume, rate, SCHEDULE));
		final List<Double> times = new ArrayList<>();
		final SamplerSettings settings = new SamplerSettings(Tolerance.linear(0.1, 0.5),
			SamplerSettings.DEFAULT_MIN_STEP, 9);
		final SampledCounts run = sampler.sample(new int[][][] { start, start }, null, settings, (
			evaluations, t, t0) -> times.add(t), () -> false);
		assertEquals(times.size(), run.evaluations());
		assertEquals(0.0, times.get(times.size() - 1));
		for (int i = 1; i < times.size(); i++) {
			assertTrue(times.get(i) < times.get(i - 1));
		}
		for (final int[][] sample : run.counts()) {
			for (int c = 0; c < masses.length; c++) {
				long total = 0;
				long misplaced = 0;
				for (int v = 0; v < grid.voxels(); v++) {
					total += sample[c][v];
					final int phase = volume[v / grid.sliceLength()][v % grid.sliceLength()];
					if (phase != channels.phaseOf(c)) misplaced += sample[c][v];
				}
				assertEquals(masses[c], total);
				assertEquals(0, misplaced, boundary + " channel " + c + ": misplaced particles");
			}
		}
	}

	@Test
	void inpaintingFreezesEverythingOutsideTheMask() {
		final Grid grid = new Grid(10, 10, 10, Boundary.PERIODIC);
		final byte[][] volume = Crops.random(grid, new double[] { 0.7, 0.3 }, 5);
		final ChannelMap channels = new ChannelMap(2, 0);
		final boolean[] mask = new boolean[grid.voxels()];
		for (int v = 0; v < mask.length; v++) {
			final int x = v % 10;
			mask[v] = x >= 3 && x < 7;
		}
		final int[][] start = SamplerStarts.inpainting(grid, channels, volume, mask, 1);
		final RateModel busy = (shape, counts, time, rates) -> Arrays.fill(rates, 5f);
		final SampledCounts run = new TauLeapSampler(grid, 1, SCHEDULE, busy).sample(new int[][][] {
			start }, mask, SamplerSettings.defaults(2), TauLeapListener.NONE, () -> false);
		long inside = 0;
		long insideStart = 0;
		boolean moved = false;
		for (int v = 0; v < grid.voxels(); v++) {
			final int n = run.counts()[0][0][v];
			if (mask[v]) {
				inside += n;
				insideStart += start[0][v];
				moved |= n != start[0][v];
			}
			else assertEquals(volume[v / 100][v % 100], n);
		}
		assertEquals(insideStart, inside);
		assertTrue(moved);
	}

	@Test
	void reflectingSamplerNeverPushesThroughFaces() {
		final Grid grid = new Grid(6, 5, 4, Boundary.REFLECTING);
		final int[][] corner = new int[1][grid.voxels()];
		corner[0][0] = 1000;
		final RateModel onlyOutward = (shape, counts, time, rates) -> {
			Arrays.fill(rates, 0f);
			for (final Direction d : new Direction[] { Direction.MINUS_X, Direction.MINUS_Y,
				Direction.MINUS_Z })
			{
				final int offset = shape.ratesOffset(0, 0, d);
				Arrays.fill(rates, offset, offset + grid.voxels(), 50f);
			}
		};
		final SampledCounts stuck = new TauLeapSampler(grid, 1, SCHEDULE, onlyOutward).sample(
			new int[][][] { corner }, null, SamplerSettings.defaults(1), TauLeapListener.NONE, () -> false);
		assertEquals(1000, stuck.counts()[0][0][0]);
		final RateModel everywhere = (shape, counts, time, rates) -> Arrays.fill(rates, 50f);
		final SampledCounts spread = new TauLeapSampler(grid, 1, SCHEDULE, everywhere).sample(
			new int[][][] { corner }, null, SamplerSettings.defaults(1), TauLeapListener.NONE, () -> false);
		assertEquals(1000, Arrays.stream(spread.counts()[0][0]).sum());
		assertTrue(spread.counts()[0][0][0] < 1000);
	}

	@Test
	void seededRunsAreReproducibleAcrossThreadCounts() throws Exception {
		final Grid grid = new Grid(8, 8, 8, Boundary.PERIODIC);
		final byte[][] volume = Crops.random(grid, new double[] { 0.7, 0.3 }, 8);
		final ChannelMap channels = new ChannelMap(2, 0);
		final TauLeapSampler sampler = new TauLeapSampler(grid, 1, SCHEDULE, new ExactRateModel(grid,
			channels, volume, 10, SCHEDULE));
		final int[][] start = SamplerStarts.uniform(grid, new long[] { 150 }, null, 1);
		final SamplerSettings settings = new SamplerSettings(Tolerance.linear(0.1, 0.5), 1e-7, 4);
		final SampledCounts one = new ForkJoinPool(1).submit(() -> sampler.sample(new int[][][] { start },
			null, settings, TauLeapListener.NONE, () -> false)).get();
		final SampledCounts three = new ForkJoinPool(3).submit(() -> sampler.sample(new int[][][] {
			start }, null, settings, TauLeapListener.NONE, () -> false)).get();
		assertArrayEquals(one.counts()[0][0], three.counts()[0][0]);
		assertEquals(one.evaluations(), three.evaluations());
	}

	@Test
	void geometricStepsRecoverTheVolumeWithAFractionOfTheEvaluations() {
		final Grid grid = new Grid(12, 12, 12, Boundary.PERIODIC);
		final byte[][] volume = Crops.random(grid, new double[] { 0.8, 0.2 }, 5);
		final long[] phases = Crops.phaseCounts(volume, 2);
		final ChannelMap channels = ChannelMap.forCounts(phases);
		final double rate = 0.25 * 12 * 12;
		final TauLeapSampler sampler = new TauLeapSampler(grid, 1, SCHEDULE,
			new ExactRateModel(grid, channels, volume, rate, SCHEDULE));
		final int[][] start = SamplerStarts.uniform(grid, new long[] { phases[channels.phaseOf(0)] },
			null, 3);
		final SampledCounts plain = sampler.sample(new int[][][] { start }, null, new SamplerSettings(
			Tolerance.constant(0.1), SamplerSettings.DEFAULT_MIN_STEP, 9), TauLeapListener.NONE, () -> false);
		final SampledCounts geometric = sampler.sample(new int[][][] { start }, null, new SamplerSettings(
			Tolerance.geometric(0.1, 0.05, rate), SamplerSettings.DEFAULT_MIN_STEP, 9),
			TauLeapListener.NONE, () -> false);
		assertTrue(geometric.evaluations() * 5 < plain.evaluations(), geometric.evaluations() + " vs " +
			plain.evaluations() + " evaluations");
		for (int v = 0; v < grid.voxels(); v++) {
			if (volume[v / grid.sliceLength()][v % grid.sliceLength()] != channels.phaseOf(0)) {
				assertEquals(0, geometric.counts()[0][0][v], "particle left on an empty voxel of x0");
			}
		}
	}

	@Test
	void largerToleranceNeedsFewerEvaluations() {
		final Grid grid = new Grid(8, 8, 8, Boundary.PERIODIC);
		final byte[][] volume = Crops.random(grid, new double[] { 0.7, 0.3 }, 8);
		final TauLeapSampler sampler = new TauLeapSampler(grid, 1, SCHEDULE, new ExactRateModel(grid,
			new ChannelMap(2, 0), volume, 10, SCHEDULE));
		final int[][] start = SamplerStarts.uniform(grid, new long[] { 150 }, null, 1);
		final int fine = sampler.sample(new int[][][] { start }, null, new SamplerSettings(Tolerance
			.constant(0.1), 1e-7, 1), TauLeapListener.NONE, () -> false).evaluations();
		final int coarse = sampler.sample(new int[][][] { start }, null, new SamplerSettings(Tolerance
			.linear(0.1, 1.0), 1e-7, 1), TauLeapListener.NONE, () -> false).evaluations();
		assertTrue(coarse < fine, coarse + " vs " + fine);
	}

	@Test
	void uniformStartsKeepTheMassAndKnowWhenTheyAreValid() {
		final Grid grid = new Grid(20, 10, 10, Boundary.PERIODIC);
		final boolean[] mask = new boolean[grid.voxels()];
		for (int v = 0; v < mask.length; v += 3) {
			mask[v] = true;
		}
		final int[][] start = SamplerStarts.uniform(grid, new long[] { 500, 70 }, mask, 2);
		for (int c = 0; c < 2; c++) {
			long total = 0;
			for (int v = 0; v < grid.voxels(); v++) {
				if (!mask[v]) assertEquals(0, start[c][v]);
				total += start[c][v];
			}
			assertEquals(c == 0 ? 500 : 70, total);
		}
		assertTrue(SamplerStarts.mixes(grid, 52, SCHEDULE));
		assertTrue(!SamplerStarts.mixes(grid, 51, SCHEDULE));
	}

	@Test
	void cancellationStopsTheRun() {
		final Grid grid = new Grid(4, 4, 4, Boundary.PERIODIC);
		final int[] calls = { 0 };
		final TauLeapSampler sampler = new TauLeapSampler(grid, 1, SCHEDULE, (s, n, t, r) -> Arrays
			.fill(r, 1f));
		assertThrows(CancellationException.class, () -> sampler.sample(new int[][][] { SamplerStarts
			.uniform(grid, new long[] { 10 }, null, 1) }, null, SamplerSettings.defaults(1),
			TauLeapListener.NONE, () -> ++calls[0] > 3));
		assertEquals(4, calls[0]);
	}

	@Test
	void binomialDrawsHaveTheRightMoments() {
		final var rng = Crops.random(12);
		for (final int n : new int[] { 3, 40, 400, 5000 }) {
			for (final double p : new double[] { 0.01, 0.3, 0.9 }) {
				final int draws = 4000;
				double sum = 0;
				double squares = 0;
				for (int i = 0; i < draws; i++) {
					final int k = Binomial.draw(rng, n, p);
					assertTrue(k >= 0 && k <= n);
					sum += k;
					squares += (double) k * k;
				}
				final double mean = sum / draws;
				final double variance = squares / draws - mean * mean;
				final double sd = Math.sqrt(n * p * (1 - p));
				assertEquals(n * p, mean, 5 * sd / Math.sqrt(draws) + 1e-9, "n=" + n + " p=" + p);
				assertEquals(n * p * (1 - p), variance, 0.1 * n * p * (1 - p), "n=" + n + " p=" + p);
			}
		}
	}
}
