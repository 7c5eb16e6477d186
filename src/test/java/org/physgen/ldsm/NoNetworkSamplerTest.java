package org.physgen.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.pfgm.Samples;
import org.physgen.pfgm.VolumeShape;

/**
 * Oracle 4 of SPEC §12, without a network: one voxel whose data is +1 with probability φ = 0.3 and
 * −1 otherwise, the exact score from a Fokker–Planck solution ({@link FokkerPlanckScore}), the
 * model file's default barrier, horizon, t_min and time grid. 40 000 independent samples (binomial
 * standard error 0.0023) must give P(y > 0) = φ ± 0.01 with the probability-flow ODE at its default
 * 25 steps and with the reverse SDE at its default 200 (measured: 0.2999 and 0.2997). With an
 * untilted forward process (prior P(y > 0) = 0.5) the score alone must move the mass to φ.
 */
class NoNetworkSamplerTest {

	private static final double PHI = 0.3;
	private static final VolumeShape SHAPE = new VolumeShape(1, 40, 40, 25);

	@Test
	void theOdeSamplerWithTheExactScoreKeepsThePhaseFraction() {
		final LocalDsmProcess process = LocalDsmProcess.defaults(SamplerKind.ODE);
		assertEquals(PHI, upperFraction(process, Tilt.forFraction(process.barrier(), PHI)), 0.01);
	}

	@Test
	void theScoreMovesMassOutOfAnUntiltedPrior() {
		assertEquals(PHI, upperFraction(LocalDsmProcess.defaults(SamplerKind.ODE), 0), 0.01);
	}

	@Test
	void theSdeSamplerWithTheExactScoreKeepsThePhaseFraction() {
		final LocalDsmProcess process = LocalDsmProcess.defaults(SamplerKind.SDE);
		assertEquals(PHI, upperFraction(process, Tilt.forFraction(process.barrier(), PHI)), 0.01);
	}

	@Test
	void cancellingStopsTheRun() {
		final LocalDsmProcess process = LocalDsmProcess.defaults(SamplerKind.ODE);
		final ReverseSampler sampler = new ReverseSampler(SamplerKind.ODE, process.grid(4), process.barrier())
			.withCancellation(() -> true);
		assertThrows(CancellationException.class, () -> sampler.sample((shape, y, t, s) -> {}, SHAPE,
			new double[] { 0 }, 1, 1));
	}

	/** P(y > 0) of the samples, with the forward process and prior tilted by h. */
	private static double upperFraction(final LocalDsmProcess process, final double h) {
		final TimeGrid grid = process.grid(process.steps());
		final double[] times = new double[grid.steps() + 1];
		for (int i = 0; i <= grid.steps(); i++) times[i] = grid.time(i);
		final DoubleWell well = new DoubleWell(process.barrier(), h);
		final Score exact = new FokkerPlanckScore(well, PHI, process.tMin(), times);
		final int[] seen = new int[1];
		final Samples samples = new ReverseSampler(process.sampler(), grid, process.barrier())
			.withListener((done, steps, t, evaluations) -> seen[0] = evaluations)
			.sample(exact, SHAPE, new double[] { h }, 1, 11);
		assertEquals(process.sampler() == SamplerKind.SDE ? grid.steps() : 2 * grid.steps() - 1, seen[0]);
		long upper = 0;
		for (final float v : samples.samples()[0]) {
			if (v > 0) upper++;
		}
		return upper / (double) SHAPE.length();
	}
}
