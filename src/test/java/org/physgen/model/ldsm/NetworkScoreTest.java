package org.physgen.model.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physgen.ldsm.DoubleWell;
import org.physgen.ldsm.ForwardProcess;
import org.physgen.ldsm.ReverseSampler;
import org.physgen.ldsm.SamplerKind;
import org.physgen.ldsm.Tilt;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.NetworkFunction;
import org.physgen.pfgm.VolumeShape;

/**
 * The stationary baseline of the local-DSM score: a network that has learned nothing (outputs 0)
 * gives the prior's own score −U'(y), under which the probability-flow ODE leaves every value where
 * the prior put it, so P(y > 0) stays the target fraction; without the baseline the same network
 * gives a score of 0 and the flow carries the values away.
 */
class NetworkScoreTest {

	private static final double FRACTION = 0.3;

	/** A network whose every output is 0: the untrained correction. */
	private static final NetworkFunction SILENT = new NetworkFunction() {

		@Override
		public int inputChannels() {
			return 1;
		}

		@Override
		public int outputChannels() {
			return 1;
		}

		@Override
		public int conditionDim() {
			return 0;
		}

		@Override
		public void evaluate(final int batch, final int sizeX, final int sizeY, final int sizeZ, final float[] input,
			final float[] noise, final float[] condition, final float[] output)
		{
			Arrays.fill(output, 0);
		}

		@Override
		public void close() {}
	};

	private static double upperFraction(final boolean baseline) {
		final LocalDsmProcess process = LocalDsmProcess.defaults(SamplerKind.ODE);
		final VolumeShape shape = VolumeShape.forPhases(2, 32, 32, 32);
		final double[] tilts = { Tilt.forClampedFraction(process.barrier(), FRACTION) };
		final DoubleWell[] wells = new ForwardProcess(process.barrier(), ForwardProcess.STEP_LIMIT).wells(shape, tilts);
		final NetworkScore score = new NetworkScore(SILENT, null, 2 * process.barrier(), baseline ? wells : null);
		final float[] y = new ReverseSampler(process.sampler(), process.grid(process.steps()), process.barrier())
			.sample(score, shape, tilts, 1, 7).samples()[0];
		long upper = 0;
		for (final float v : y) if (v > 0) upper++;
		return upper / (double) y.length;
	}

	@Test
	void anUntrainedCorrectionLeavesThePriorFractionsWithTheBaseline() {
		// 32 768 values: the binomial sd of the fraction is 0.0025
		assertEquals(FRACTION, upperFraction(true), 0.01);
	}

	@Test
	void withoutTheBaselineTheSameNetworkMovesTheFractions() {
		final double without = upperFraction(false);
		assertTrue(Math.abs(without - FRACTION) > 0.05, "P(y > 0) = " + without);
	}
}
