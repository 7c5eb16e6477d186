package org.physgen.yukawa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Grid;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.TauLeapListener;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;

class GrowthRecorderTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();
	private static final SamplerSettings SETTINGS = new SamplerSettings(Tolerance.linear(0.1, 0.5),
		SamplerSettings.DEFAULT_MIN_STEP, 9);
	private static final Grid GRID = new Grid(8, 6, 5, Boundary.REFLECTING);
	/** Phase 1 is the background, so the channels hold phases 0 and 2. */
	private static final ChannelMap CHANNELS = new ChannelMap(3, 1);
	private static final long[][] MASSES = { { 40, 25 }, { 0, 70 } };

	@Test
	void framesGrowFromTheEmptyBoxToTheFinalCounts() {
		for (final double birthFraction : new double[] { 0, 0.2 }) {
			final YukawaSampler sampler = sampler();
			final List<GrowthFrame> frames = new ArrayList<>();
			final SampledCounts run = sampler.sample(MASSES, SETTINGS, birthFraction, TauLeapListener.NONE,
				() -> false, new GrowthRecorder(5, CHANNELS, frames::add));
			assertEquals(5, frames.size());
			final double start = SCHEDULE.finalTime();
			for (int k = 0; k < 5; k++) {
				final GrowthFrame frame = frames.get(k);
				assertEquals(k, frame.index());
				assertEquals(start * (4 - k) / 4.0, frame.time(), 1e-15);
				assertTrue(frame.samplerTime() <= frame.time(), "frame " + k + " taken at " + frame.samplerTime());
			}
			final GrowthFrame first = frames.get(0), last = frames.get(4);
			assertEquals(start, first.samplerTime());
			assertEquals(0.0, last.time());
			assertEquals(0.0, last.samplerTime());
			for (int b = 0; b < MASSES.length; b++) {
				assertEquals(0, first.totalParticles(b));
				for (final byte[] slice : first.labels()[b]) {
					for (final byte label : slice) assertEquals(1, label, "the empty box is all background");
				}
				assertArrayEquals(MASSES[b], last.particles()[b], "the last frame has every particle");
				assertEquals(expectedLabels(run.counts()[b]), flat(last.labels()[b]), "the last frame is the final state");
				for (int k = 1; k < 5; k++) {
					for (int c = 0; c < 2; c++) {
						assertTrue(frames.get(k).particles()[b][c] >= frames.get(k - 1).particles()[b][c],
							"births only add and hops conserve: item " + b + " channel " + c + " frame " + k);
					}
				}
				for (final GrowthFrame frame : frames) {
					final long[] shown = new long[3];
					for (final byte[] slice : frame.labels()[b]) for (final byte label : slice) shown[label]++;
					assertTrue(shown[0] <= frame.particles()[b][0] && shown[2] <= frame.particles()[b][1],
						"a voxel shows a phase only where particles of it are: " + Arrays.toString(shown));
				}
			}
			final long middle = frames.get(2).totalParticles(0) + frames.get(2).totalParticles(1);
			assertTrue(middle > 0 && middle < 135, "half way, some but not all particles are born: " + middle);
			final SampledCounts plain = sampler.sample(MASSES, SETTINGS, birthFraction, TauLeapListener.NONE,
				() -> false);
			assertTrue(Arrays.deepEquals(plain.counts(), run.counts()), "recording changed the counts");
			assertEquals(plain.evaluations(), run.evaluations());
		}
	}

	/** The most particles win a voxel, the lower channel a tie, and an empty voxel is background. */
	@Test
	void aVoxelShowsThePhaseWithTheMostParticles() {
		final Grid grid = new Grid(2, 2, 1, Boundary.PERIODIC);
		final int[][][] counts = { { { 2, 1, 0, 0 }, { 2, 3, 0, 1 } } };
		final List<GrowthFrame> frames = new ArrayList<>();
		final GrowthRecorder recorder = new GrowthRecorder(3, CHANNELS, frames::add);
		recorder.start(grid, 1, counts);
		assertEquals(1, frames.size());
		assertArrayEquals(new byte[] { 0, 2, 1, 2 }, frames.get(0).labels()[0][0]);
		assertArrayEquals(new long[] { 3, 6 }, frames.get(0).particles()[0]);
		recorder.reached(0.2, counts);
		assertEquals(2, frames.size(), "t = 0.2 passed frame 1 (t = 0.5), not frame 2 (t = 0)");
		assertEquals(0.5, frames.get(1).time());
		assertEquals(0.2, frames.get(1).samplerTime());
		recorder.reached(0, counts);
		assertEquals(3, frames.size());
		assertTrue(recorder.finished());
	}

	@Test
	void framesBelowTwoAndAForeignChannelMapAreRefused() {
		final IllegalArgumentException one = assertThrows(IllegalArgumentException.class,
			() -> new GrowthRecorder(1, CHANNELS, frame -> {}));
		assertTrue(one.getMessage().startsWith("frames must be at least 2") && one.getMessage().endsWith("got 1"),
			one.getMessage());
		final IllegalArgumentException channels = assertThrows(IllegalArgumentException.class,
			() -> sampler().sample(MASSES, SETTINGS, 0, TauLeapListener.NONE, () -> false,
				new GrowthRecorder(2, new ChannelMap(2, 0), frame -> {})));
		assertTrue(channels.getMessage().contains("1 channels, the sampler has 2"), channels.getMessage());
	}

	private static YukawaSampler sampler() {
		return new YukawaSampler(GRID, 2, SCHEDULE, SurvivalShape.LINEAR, (shape, counts, networkTime, rates,
			births) -> {
			Arrays.fill(rates, 3f);
			Arrays.fill(births, 1f / shape.voxels());
		});
	}

	/** Labels of final counts worked out voxel by voxel, in the flat voxel order. */
	private static List<Byte> expectedLabels(final int[][] counts) {
		final List<Byte> labels = new ArrayList<>();
		for (int v = 0; v < GRID.voxels(); v++) {
			final int a = counts[0][v], b = counts[1][v];
			labels.add((byte) (a == 0 && b == 0 ? 1 : a >= b ? 0 : 2));
		}
		return labels;
	}

	private static List<Byte> flat(final byte[][] slices) {
		final List<Byte> labels = new ArrayList<>();
		for (final byte[] slice : slices) for (final byte label : slice) labels.add(label);
		return labels;
	}
}
