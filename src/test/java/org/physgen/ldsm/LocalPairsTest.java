package org.physgen.ldsm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;
import org.physgen.pfgm.VolumeShape;

/**
 * Oracle 2 of SPEC §12: without the quartic (a = 0) the linearisation is exact and the local
 * targets −ξ/√v average, given y₀ and y_t, to the exact denoising target of the Gaussian kernel,
 * {@code −(y_t − y₀ − h·t)/(2t)}. The test checks {@code E[(local − exact)·g(y_t)] = 0} for
 * g = 1, y_t − y₀ and (y_t − y₀)², each within four standard errors.
 */
class LocalPairsTest {

	private static final VolumeShape SHAPE = new VolumeShape(1, 64, 64, 32);

	@Test
	void localTargetsAverageToTheExactTargetOfTheGaussianKernel() {
		for (final double tilt : new double[] { 0, 0.5 }) {
			final LocalPairs pairs = new LocalPairs(new ForwardProcess(0, 0.01), 0.01);
			final float[] clean = new float[SHAPE.length()];
			Arrays.fill(clean, 1);
			final LocalPairs.Pair pair = pairs.draw(clean, SHAPE, new double[] { tilt }, 0.3, 7);
			assertEquals(0.31, pair.t(), 1e-12);
			final double reference = ReferenceScale.variance(0, pair.t());
			final double[][] moments = new double[3][2];
			for (int k = 0; k < clean.length; k++) {
				final double v = pair.ratio()[k] * pair.ratio()[k] * reference;
				final double local = -pair.noise()[k] / Math.sqrt(v);
				final double offset = pair.noisy()[k] - 1;
				final double exact = -(offset - tilt * pair.t()) / (2 * pair.t());
				double g = 1;
				for (int m = 0; m < 3; m++) {
					final double d = (local - exact) * g;
					moments[m][0] += d;
					moments[m][1] += d * d;
					g *= offset;
				}
			}
			for (int m = 0; m < 3; m++) {
				final double mean = moments[m][0] / clean.length;
				final double error = Math.sqrt((moments[m][1] / clean.length - mean * mean) / clean.length);
				assertTrue(Math.abs(mean) < 4 * error, "h = " + tilt + ", moment " + m + ": " + mean + " ± " + error);
			}
		}
	}

	@Test
	void theScaleRatioIsOneWhereTheReferenceIsTheLocalVariance() {
		final LocalPairs pairs = new LocalPairs(new ForwardProcess(0, 0.01), 0.01);
		final LocalPairs.Pair pair = pairs.draw(new float[8], new VolumeShape(1, 2, 2, 2), new double[] { 0 }, 0, 1);
		for (final float r : pair.ratio()) assertEquals(1, r, 1e-6);
	}
}
