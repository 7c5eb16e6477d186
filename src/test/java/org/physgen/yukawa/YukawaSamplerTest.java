package org.physgen.yukawa;

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
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Grid;
import org.physgen.dsd.OccupancyRepair;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.TauLeapListener;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.VoxelSize;

class YukawaSamplerTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();
	private static final SamplerSettings SETTINGS = new SamplerSettings(Tolerance.linear(0.1, 0.5),
		SamplerSettings.DEFAULT_MIN_STEP, 9);

	/** SPEC 13 oracle 3: exact hops and births of one x0 grow x0 back from an empty box. */
	@Test
	void exactModelGrowsTheVolumeBack() {
		final Grid grid = new Grid(16, 16, 16, Boundary.PERIODIC);
		final byte[][] volume = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, 16,
			16, 16, new double[] { 0.3 }, 2.0, 3.0, true, 11, VoxelSize.isotropic(1, "voxel"))).slices();
		final ChannelMap channels = new ChannelMap(2, 0);
		final int slice = grid.sliceLength();
		long mass = 0;
		for (final byte[] s : volume) for (final byte label : s) mass += label;
		final double rate = 4;
		final YukawaSampler sampler = new YukawaSampler(grid, 1, SCHEDULE, SurvivalShape.BLACKOUT,
			new ExactBirthHopModel(grid, channels, volume, rate, SCHEDULE));
		final SampledCounts run = sampler.sample(new long[][] { { mass } }, SETTINGS, 0.05, TauLeapListener.NONE,
			() -> false);
		long misplaced = 0;
		for (int v = 0; v < grid.voxels(); v++) {
			if (volume[v / slice][v % slice] == 0) misplaced += run.counts()[0][0][v];
		}
		final OccupancyRepair.Result repaired = OccupancyRepair.repair(grid, channels, run.counts()[0]);
		long back = 0;
		for (int v = 0; v < grid.voxels(); v++) {
			if (volume[v / slice][v % slice] == 1 && repaired.labels()[v / slice][v % slice] == 1) back++;
		}
		assertEquals(mass, repaired.particles());
		assertTrue(misplaced <= 0.005 * mass, misplaced + " of " + mass + " particles off x0");
		assertTrue(repaired.repairedFraction() < 0.03, "repaired fraction " + repaired.repairedFraction());
		assertTrue(back >= 0.99 * mass, back + " of " + mass + " occupied voxels back");
	}

	/**
	 * SPEC 13 oracle 2: exactly M_c births per item and channel, so the counts are the targets, and
	 * exact phase counts after repair; one birth per step at birth fraction 0; the same volumes on
	 * one thread as on many.
	 */
	@Test
	void birthsGiveExactCountsWhateverTheThreads() throws Exception {
		final Grid grid = new Grid(8, 6, 5, Boundary.REFLECTING);
		final ChannelMap channels = new ChannelMap(3, 0);
		final long[][] masses = { { 40, 25 }, { 0, 70 } };
		final YukawaSampler sampler = new YukawaSampler(grid, 2, SCHEDULE, SurvivalShape.LINEAR, uniform(3));
		final List<Double> times = new ArrayList<>();
		final SampledCounts run = sampler.sample(masses, SETTINGS, 0, (evaluations, t, start) -> times.add(t),
			() -> false);
		assertEquals(0.0, times.get(times.size() - 1));
		for (int i = 1; i < times.size(); i++) assertTrue(times.get(i) < times.get(i - 1));
		assertTrue(run.evaluations() >= 70, "one evaluation per birth, got " + run.evaluations());
		for (int b = 0; b < masses.length; b++) {
			for (int c = 0; c < 2; c++) assertEquals(masses[b][c], Arrays.stream(run.counts()[b][c]).sum());
			final long[] phases = new long[3];
			for (final byte[] slice : OccupancyRepair.repair(grid, channels, run.counts()[b]).labels()) {
				for (final byte label : slice) phases[label]++;
			}
			assertArrayEquals(new long[] { grid.voxels() - masses[b][0] - masses[b][1], masses[b][0], masses[b][1] },
				phases);
		}
		final SampledCounts fast = sampler.sample(masses, SETTINGS, 0.2, TauLeapListener.NONE, () -> false);
		assertTrue(fast.evaluations() < run.evaluations(), fast.evaluations() + " evaluations");
		final ForkJoinPool one = new ForkJoinPool(1);
		try {
			final SampledCounts single = one.submit(() -> sampler.sample(masses, SETTINGS, 0.2, TauLeapListener.NONE,
				() -> false)).get();
			assertTrue(Arrays.deepEquals(fast.counts(), single.counts()), "thread count changed the result");
		}
		finally {
			one.shutdown();
		}
		assertThrows(CancellationException.class, () -> sampler.sample(masses, SETTINGS, 0.2,
			TauLeapListener.NONE, () -> true));
		assertThrows(IllegalArgumentException.class, () -> sampler.sample(new long[][] { { 500, 0 } }, SETTINGS, 0,
			TauLeapListener.NONE, () -> false));
	}

	/** Uniform births and forward-rate hops: the untrained model. */
	private static BirthHopModel uniform(final double rate) {
		return (shape, counts, networkTime, rates, births) -> {
			Arrays.fill(rates, (float) rate);
			Arrays.fill(births, 1f / shape.voxels());
		};
	}
}
