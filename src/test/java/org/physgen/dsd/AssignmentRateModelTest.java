package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.AxisKernel;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;

/**
 * The assignment-aware oracle: exact where the Sinkhorn balance is, the mean-field model without
 * balancing, and generation of structured 16³ crops with the default step control of generation
 * ({@code Tolerance.geometric(0.1, 0.05, r)}, r = 0.25 L²) from a uniform start.
 */
class AssignmentRateModelTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();

	private static final Grid GRID = new Grid(16, 16, 16, Boundary.PERIODIC);

	private static final double RATE = 0.25 * 16 * 16;

	@Test
	void twoParticlesOnOneOfTwoOriginsGetTheExactPermanentRatio() {
		final Grid ring = new Grid(8, 1, 1, Boundary.PERIODIC);
		final byte[][] volume = { { 0, 0, 1, 1, 0, 0, 0, 0 } };
		final ChannelMap channels = new ChannelMap(2, 0);
		final double rate = 3;
		final double networkTime = 0.4;
		final BatchShape shape = new BatchShape(2, 1, ring);
		final float[] counts = new float[shape.countsLength()];
		counts[2] = 2;
		counts[8 + 2] = 1;
		counts[8 + 3] = 1;
		final float[] rates = new float[shape.ratesLength()];
		new AssignmentRateModel(ring, channels, volume, rate, SCHEDULE).rates(shape, counts,
			new double[] { networkTime, networkTime }, rates);
		final AxisKernel kernel = AxisKernel.of(Boundary.PERIODIC, 8, rate * SCHEDULE.physicalTime(
			networkTime));
		final double k0 = kernel.probability(2, 2);
		final double k1 = kernel.probability(3, 2);
		final double k2 = kernel.probability(4, 2);
		// r P(n') / P(n) per particle, P summing over both assignments of the two particles
		assertEquals(rate * (k0 * k0 + k1 * k1) / (2 * k0 * k1), rates[shape.ratesOffset(0, 0,
			Direction.PLUS_X) + 2], 1e-6 * rate / k1);
		assertEquals(rate * (k1 * k1 + k0 * k2) / (2 * k0 * k1), rates[shape.ratesOffset(0, 0,
			Direction.MINUS_X) + 2], 1e-6 * rate / k1);
		final float[] meanField = new float[shape.ratesLength()];
		new ExactRateModel(ring, channels, volume, rate, SCHEDULE).rates(shape, counts, new double[] {
			networkTime, networkTime }, meanField);
		assertEquals(rate, meanField[shape.ratesOffset(0, 0, Direction.PLUS_X) + 2], 1e-5);
		for (final Direction d : Direction.values()) {
			for (int v = 2; v <= 3; v++) {
				assertEquals(meanField[shape.ratesOffset(1, 0, d) + v], rates[shape.ratesOffset(1, 0, d)
					+ v], 1e-5 * rate, "one particle per origin is balanced by symmetry");
			}
		}
	}

	@Test
	void withoutUpdatesTheRatesAreTheMeanFieldRates() {
		final Grid grid = new Grid(7, 6, 5, Boundary.REFLECTING);
		final byte[][] volume = Crops.random(grid, new double[] { 0.6, 0.25, 0.15 }, 4);
		final long[] phases = Crops.phaseCounts(volume, 3);
		final ChannelMap channels = ChannelMap.forCounts(phases);
		final long[] masses = new long[channels.channels()];
		for (int c = 0; c < masses.length; c++) {
			masses[c] = phases[channels.phaseOf(c)];
		}
		final BatchShape shape = new BatchShape(1, channels.channels(), grid);
		final float[] counts = new float[shape.countsLength()];
		final int[][] state = SamplerStarts.uniform(grid, masses, null, 2);
		for (int c = 0; c < masses.length; c++) {
			for (int v = 0; v < grid.voxels(); v++) {
				counts[shape.countsOffset(0, c) + v] = state[c][v];
			}
		}
		final double[] time = { 0.5 };
		final float[] meanField = new float[shape.ratesLength()];
		new ExactRateModel(grid, channels, volume, 2, SCHEDULE).rates(shape, counts, time, meanField);
		final float[] unbalanced = new float[shape.ratesLength()];
		new AssignmentRateModel(grid, channels, volume, 2, SCHEDULE, 1e-3, 0).rates(shape, counts,
			time, unbalanced);
		assertArrayEquals(meanField, unbalanced);
		final float[] balanced = new float[shape.ratesLength()];
		new AssignmentRateModel(grid, channels, volume, 2, SCHEDULE).rates(shape, counts, time,
			balanced);
		for (int c = 0; c < masses.length; c++) {
			for (int v = 0; v < grid.voxels(); v++) {
				for (final Direction d : Direction.values()) {
					final float r = balanced[shape.ratesOffset(0, c, d) + v];
					assertTrue(r >= 0 && Float.isFinite(r));
					if (grid.neighbour(v, d) < 0) assertEquals(0f, r, "outward rate at voxel " + v);
				}
			}
		}
	}

	@Test
	void reflectingKernelsAreSymmetric() {
		for (final int length : new int[] { 1, 2, 7, 16 }) {
			for (final double tau : new double[] { 1e-7, 0.03, 0.8, 20 }) {
				final AxisKernel kernel = AxisKernel.of(Boundary.REFLECTING, length, tau);
				for (int i = 0; i < length; i++) {
					for (int j = 0; j < i; j++) {
						final double forth = kernel.probability(i, j);
						assertEquals(forth, kernel.probability(j, i), 1e-13 * forth);
					}
				}
			}
		}
	}

	@Test
	void unequalMassesAreRefused() {
		final Grid grid = new Grid(4, 4, 4, Boundary.PERIODIC);
		final byte[][] volume = Crops.random(grid, new double[] { 0.7, 0.3 }, 1);
		final BatchShape shape = new BatchShape(1, 1, grid);
		final float[] counts = new float[shape.countsLength()];
		counts[0] = Crops.phaseCounts(volume, 2)[1] + 1;
		final IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
			() -> new AssignmentRateModel(grid, new ChannelMap(2, 0), volume, 1, SCHEDULE).rates(shape,
				counts, new double[] { 0.5 }, new float[shape.ratesLength()]));
		assertTrue(error.getMessage().contains("equal masses"), error.getMessage());
	}

	/**
	 * The 16³ crop of the sample rock at (7, 3, 5), pore = phase 1 (833 voxels): mean-field rates
	 * stack about a third of the particles, assignment rates none.
	 */
	@Test
	void rebuildsTheRockCropWhereMeanFieldRatesStack() throws IOException {
		final Crop rock = new Crop(Crops.read(Path.of("sample-data", "porous-rock-64.tif"), GRID, 7,
			3, 5), 2);
		assertEquals(833, rock.masses[0]);
		final Generated meanField = rock.generate(new ExactRateModel(GRID, rock.channels,
			rock.volume, RATE, SCHEDULE), defaultSteps());
		assertTrue(meanField.repairedFraction > 0.1, "mean-field rates repaired " +
			meanField.repairedFraction);
		rock.assertRebuilt(rock.generate(rock.assignment(), defaultSteps()));
	}

	@Test
	void rebuildsASlab() {
		final Crop slab = new Crop(Crops.slab(GRID, 4, 8), 2);
		slab.assertRebuilt(slab.generate(slab.assignment(), defaultSteps()));
	}

	/** Also the plain CFL run (constant tolerance 0.1) for scale: some 4,000 evaluations. */
	@Test
	void rebuildsABallWithAFractionOfThePlainEvaluations() {
		final Crop ball = new Crop(Crops.ball(GRID, new byte[16][256], 7.5, 7.5, 7.5, 5, 1), 2);
		final Generated geometric = ball.generate(ball.assignment(), defaultSteps());
		ball.assertRebuilt(geometric);
		final Generated plain = ball.generate(ball.assignment(), Tolerance.constant(0.1));
		assertTrue(geometric.evaluations * 10 < plain.evaluations, geometric.evaluations + " vs "
			+ plain.evaluations + " evaluations");
	}

	/** Phase 1 on a slab, phase 2 in a ball partly inside it, phase 0 implied. */
	@Test
	void rebuildsAThreePhaseCrop() {
		final Crop three = new Crop(Crops.ball(GRID, Crops.slab(GRID, 2, 6), 9.5, 9.5, 11, 3.5, 2),
			3);
		assertEquals(2, three.channels.channels());
		three.assertRebuilt(three.generate(three.assignment(), defaultSteps()));
	}

	private static Tolerance defaultSteps() {
		return Tolerance.geometric(Tolerance.DEFAULT, 0.05, RATE);
	}

	/**
	 * @param repairedFraction particles moved by occupancy repair / all particles
	 * @param occupiedFraction voxels of x0's particle phases that hold their phase after repair
	 */
	private record Generated(int evaluations, double repairedFraction, double occupiedFraction) {}

	/** A crop of {@link #GRID} with its channels and masses. */
	private static final class Crop {

		private final byte[][] volume;
		private final ChannelMap channels;
		private final long[] masses;

		Crop(final byte[][] volume, final int phases) {
			this.volume = volume;
			final long[] counts = Crops.phaseCounts(volume, phases);
			channels = ChannelMap.forCounts(counts);
			masses = new long[channels.channels()];
			for (int c = 0; c < masses.length; c++) {
				masses[c] = counts[channels.phaseOf(c)];
			}
		}

		AssignmentRateModel assignment() {
			return new AssignmentRateModel(GRID, channels, volume, RATE, SCHEDULE);
		}

		/** One sample from a uniform start (seed 3), sampler seed 9, repaired. */
		Generated generate(final RateModel model, final Tolerance tolerance) {
			final SampledCounts run = new TauLeapSampler(GRID, channels.channels(), SCHEDULE, model).sample(
				new int[][][] { SamplerStarts.uniform(GRID, masses, null, 3) }, null, new SamplerSettings(
					tolerance, SamplerSettings.DEFAULT_MIN_STEP, 9), TauLeapListener.NONE, () -> false);
			final OccupancyRepair.Result repaired = OccupancyRepair.repair(GRID, channels, run
				.counts()[0]);
			final int sliceLength = GRID.sliceLength();
			long occupied = 0;
			long total = 0;
			for (int v = 0; v < GRID.voxels(); v++) {
				final int phase = volume[v / sliceLength][v % sliceLength];
				if (phase == channels.impliedPhase()) continue;
				total++;
				if ((repaired.labels()[v / sliceLength][v % sliceLength] & 0xFF) == phase) occupied++;
			}
			return new Generated(run.evaluations(), repaired.repairedFraction(), (double) occupied
				/ total);
		}

		/** Repaired fraction below 1 %, at least 99 % of x0's particle voxels back, few evaluations. */
		void assertRebuilt(final Generated generated) {
			assertTrue(generated.repairedFraction < 0.01, "repaired " + generated.repairedFraction);
			assertTrue(generated.occupiedFraction >= 0.99, "occupied " + generated.occupiedFraction);
			assertTrue(generated.evaluations < 400, generated.evaluations + " evaluations");
		}
	}
}
