package org.physgen.yukawa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.random.RandomStreams;

import org.apache.commons.rng.UniformRandomProvider;

class YukawaNoisingTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();

	/**
	 * Alive and dead particles add up to the crop, the alive share is S(t), every birth target is a
	 * distribution over the voxels weighted by −S'(t)·M_c, and the loss is 0 at the targets.
	 */
	@Test
	void aliveParticlesAndBirthTargetsFollowTheSurvival() {
		final Grid grid = new Grid(10, 10, 10, Boundary.PERIODIC);
		final ChannelMap channels = new ChannelMap(3, 0);
		final UniformRandomProvider rng = RandomStreams.of(8);
		final byte[][][] crops = new byte[4][10][100];
		for (final byte[][] crop : crops) {
			for (final byte[] slice : crop) {
				for (int i = 0; i < slice.length; i++) {
					final double u = rng.nextDouble();
					slice[i] = (byte) (u < 0.6 ? 0 : u < 0.85 ? 1 : 2);
				}
			}
		}
		final int[] k = { 200, 1000, 1700, 1999 };
		final YukawaNoising noising = new YukawaNoising(grid, channels, 3, SCHEDULE, SurvivalShape.LINEAR);
		final YukawaBatch batch = noising.noise(crops, k, 5);
		final BatchShape shape = batch.alive().shape();
		for (int b = 0; b < crops.length; b++) {
			final double t = SCHEDULE.time(k[b]);
			double alive = 0;
			double all = 0;
			for (int c = 0; c < 2; c++) {
				long phase = 0;
				for (final byte[] slice : crops[b]) for (final byte label : slice) if (label == c + 1) phase++;
				final int offset = shape.countsOffset(b, c);
				double aliveHere = 0;
				double birthSum = 0;
				for (int v = 0; v < shape.voxels(); v++) {
					aliveHere += batch.alive().counts()[offset + v];
					birthSum += batch.births()[offset + v];
				}
				alive += aliveHere;
				all += phase;
				final boolean anyDead = aliveHere < phase;
				assertEquals(anyDead ? 1 : 0, birthSum, 1e-5, "birth target of item " + b + " channel " + c);
				assertEquals(anyDead ? (double) phase : 0, batch.birthWeights()[b * 2 + c], 1e-12,
					"linear survival: −S' = 1");
			}
			assertEquals(all, batch.particles()[b]);
			final double sd = Math.sqrt(all * SurvivalShape.LINEAR.at(t) * (1 - SurvivalShape.LINEAR.at(t)));
			assertEquals(all * SurvivalShape.LINEAR.at(t), alive, 4 * sd + 1e-9, "alive share at t = " + t);
		}
		final float[] rates = new float[shape.ratesLength()];
		final float[] counts = batch.alive().counts();
		for (int b = 0; b < shape.batch(); b++) {
			for (int c = 0; c < 2; c++) {
				for (final Direction d : Direction.values()) {
					final int offset = shape.ratesOffset(b, c, d);
					for (int v = 0; v < shape.voxels(); v++) {
						final float n = counts[shape.countsOffset(b, c) + v];
						rates[offset + v] = n > 0 ? batch.alive().targets()[offset + v] / n : 0;
					}
				}
			}
		}
		assertEquals(0, YukawaLoss.of(batch, rates, batch.births(), SCHEDULE), 1e-4);
		final float[] uniform = new float[shape.countsLength()];
		java.util.Arrays.fill(uniform, 1f / shape.voxels());
		assertTrue(YukawaLoss.of(batch, rates, uniform, SCHEDULE) > 1e-3, "a uniform birth distribution loses");
	}
}
