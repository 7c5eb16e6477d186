package org.physgen.model.yukawa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.RateHead;
import org.physgen.random.RandomStreams;
import org.physgen.yukawa.SurvivalShape;
import org.physgen.yukawa.YukawaBatch;
import org.physgen.yukawa.YukawaLoss;
import org.physgen.yukawa.YukawaNoising;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

class YukawaObjectiveTest {

	/** The tensor loss is the array reference {@link YukawaLoss#of} for the same raw output. */
	@Test
	void tensorLossIsTheArrayLoss() {
		for (final Boundary boundary : Boundary.values()) {
			final Grid grid = new Grid(6, 6, 6, boundary);
			final ChannelMap channels = new ChannelMap(3, 0);
			final Schedule schedule = Schedule.defaultSchedule();
			final UniformRandomProvider rng = RandomStreams.of(2);
			final byte[][][] crops = new byte[3][6][36];
			for (final byte[][] crop : crops) {
				for (final byte[] slice : crop) {
					for (int i = 0; i < slice.length; i++) slice[i] = (byte) rng.nextInt(3);
				}
			}
			final YukawaNoising noising = new YukawaNoising(grid, channels, 5, schedule, SurvivalShape.BLACKOUT);
			final YukawaBatch batch = noising.noise(crops, new int[] { 300, 1200, 1900 }, 4);
			final BatchShape shape = batch.alive().shape();
			final int perItem = YukawaFamily.OUTPUTS_PER_CHANNEL * 2 * grid.voxels();
			final float[] raw = new float[3 * perItem];
			for (int i = 0; i < raw.length; i++) raw[i] = (float) (rng.nextDouble() * 2 - 1);
			final float[] rates = new float[shape.ratesLength()];
			final float[] births = new float[shape.countsLength()];
			new NetworkBirthHopModel(new FixedOutput(raw), 5).evaluate(shape, batch.alive().counts(), batch.alive().networkTime(), rates, births);
			if (boundary == Boundary.REFLECTING) {
				final float[] links = grid.inBoxLinks();
				for (int i = 0; i < rates.length; i++) rates[i] *= links[i % (Direction.COUNT * grid.voxels())];
			}
			final double expected = YukawaLoss.of(batch, rates, births, schedule);
			DjlRuntime.start(0, line -> {});
			try (NDManager manager = NDManager.newBaseManager(DjlRuntime.ENGINE)) {
				final double actual = new YukawaObjective(noising, grid, 2).loss(manager, manager.create(raw,
					new Shape(3, YukawaFamily.OUTPUTS_PER_CHANNEL * 2, 6, 6, 6)), batch).getFloat();
				assertEquals(expected, actual, 1e-4 * Math.abs(expected), boundary.toString());
			}
			assertEquals(RateHead.EXP.rate(raw[0], 5), rates[0], 1e-5);
		}
	}

	/** A network that always returns the same output. */
	private record FixedOutput(float[] output) implements NetworkFunction {

		@Override
		public int inputChannels() {
			return 2;
		}

		@Override
		public int outputChannels() {
			return YukawaFamily.OUTPUTS_PER_CHANNEL * 2;
		}

		@Override
		public int conditionDim() {
			return 0;
		}

		@Override
		public void evaluate(final int batch, final int sizeX, final int sizeY, final int sizeZ, final float[] input,
			final float[] noise, final float[] condition, final float[] out)
		{
			System.arraycopy(output, 0, out, 0, out.length);
		}

		@Override
		public void close() {}
	}
}
