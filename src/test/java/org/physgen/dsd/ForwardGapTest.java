package org.physgen.dsd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;

class ForwardGapTest {

	private static final Schedule SCHEDULE = Schedule.defaultSchedule();

	@Test
	void theGapShrinksAsTheWalkMixesTheCropAndIsTheMeasuredDivergenceAtItsPoints() {
		final Grid grid = new Grid(8, 8, 8, Boundary.PERIODIC);
		final byte[][][] crops = { Crops.slab(grid, 2, 5) };
		final ForwardNoising noising = new ForwardNoising(grid, new ChannelMap(2, 0), 16, SCHEDULE);
		final double[] gap = ForwardGap.byTimeIndex(noising, crops, 5, 7);
		assertEquals(SCHEDULE.steps(), gap.length);
		for (int k = 1; k < gap.length; k++) assertTrue(gap[k] >= 0 && Double.isFinite(gap[k]), "k = " + k);
		final int last = SCHEDULE.steps() - 1;
		assertTrue(gap[1] > gap[last / 2] && gap[last / 2] > 1e3 * gap[last], Arrays.toString(new double[] {
			gap[1], gap[last / 2], gap[last] }));
		// the first measured point is k = 1, measured with the forward rates on the noised slab
		final NoisedBatch noised = noising.noise(crops, new int[] { 1 }, org.physgen.random.RandomStreams
			.derive(7, 0x47415053L));
		final float[] forward = new float[noised.shape().ratesLength()];
		Arrays.fill(forward, 16f);
		final double expected = DsdLoss.divergence(noised.shape(), forward, noised.counts(), noised.targets());
		assertEquals(expected, ForwardGap.of(noised, 16), 0);
		assertEquals(expected, gap[1], 1e-9 * gap[1]);
	}

	@Test
	void normalisedWeightsAreTheInverseGapUpToTheFloor() {
		final double[] gap = new double[SCHEDULE.steps()];
		for (int k = 1; k < gap.length; k++) gap[k] = 1000.0 / k;
		final double[] w = TimeWeighting.NORMALISED.weights(SCHEDULE, () -> gap);
		assertEquals(1 / 1000.0, w[1], 1e-15);
		assertEquals(1 / 2.0, w[500], 1e-12);
		// 1000 / k falls below 1e-3 of the largest gap nowhere; a tiny one is floored
		gap[1999] = 1e-9;
		assertEquals(1, TimeWeighting.NORMALISED.weights(SCHEDULE, () -> gap)[1999], 1e-12);
		assertEquals(SCHEDULE.delta(7), TimeWeighting.DELTA_T.weights(SCHEDULE, null)[7], 0);
		assertEquals(1, TimeWeighting.UNIFORM.weights(SCHEDULE, null)[7], 0);
	}
}
