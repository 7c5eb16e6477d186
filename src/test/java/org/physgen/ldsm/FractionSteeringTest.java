package org.physgen.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Random;

import org.junit.jupiter.api.Test;
import org.physgen.pfgm.VolumeShape;

/** Steering leaves exactly round(φ·N) values of each channel above 0 and changes their order nowhere. */
class FractionSteeringTest {

	private static long above(final float[] values, final int from, final int to) {
		long n = 0;
		for (int k = from; k < to; k++) if (values[k] > 0) n++;
		return n;
	}

	@Test
	void eachChannelEndsWithItsCountAboveTheBarrier() {
		final VolumeShape shape = VolumeShape.forPhases(3, 10, 10, 10);
		final int voxels = shape.voxels();
		final Random random = new Random(3);
		final float[][] y = new float[2][shape.length()];
		for (final float[] sample : y) {
			for (int k = 0; k < sample.length; k++) sample[k] = (float) (random.nextGaussian() - 0.8);
		}
		final float[] before = y[1].clone();
		FractionSteering.toward(new long[] { 500, 300, 200 }).apply(shape, y);
		for (final float[] sample : y) {
			assertEquals(500, above(sample, 0, voxels));
			assertEquals(300, above(sample, voxels, 2 * voxels));
			assertEquals(200, above(sample, 2 * voxels, 3 * voxels));
		}
		for (int c = 0; c < 3; c++) {
			final float shift = y[1][c * voxels] - before[c * voxels];
			for (int k = c * voxels; k < (c + 1) * voxels; k++) assertEquals(before[k] + shift, y[1][k], 1e-5f);
		}
	}

	@Test
	void allOrNoneAboveAreExactToo() {
		assertEquals(0, above(shifted(new float[] { -1, 2, 3 }, 0), 0, 3));
		assertEquals(3, above(shifted(new float[] { -1, 2, -3 }, 1), 0, 3));
		assertEquals(1, above(shifted(new float[] { 0.5f, 0.25f, 0.75f }, 1 / 3.0), 0, 3));
	}

	private static float[] shifted(final float[] values, final double fraction) {
		final float shift = FractionSteering.shiftFor(values.clone(), fraction);
		for (int k = 0; k < values.length; k++) values[k] += shift;
		return values;
	}

	@Test
	void aFractionOutsideTheUnitIntervalIsRefusedNamingTheChannel() {
		assertEquals("the fraction of channel 1 must be in [0, 1], got 1.5", assertThrows(
			IllegalArgumentException.class, () -> new FractionSteering(new double[] { 0.2, 1.5 })).getMessage());
	}
}
