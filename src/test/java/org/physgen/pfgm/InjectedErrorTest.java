package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class InjectedErrorTest {

	private static final VolumeShape SHAPE = VolumeShape.forPhases(2, 16, 16, 16);

	/** Sample b's estimate is ±(b + 1)/2 in a checkerboard: rms (b + 1)/2, whatever the input. */
	private static final Denoiser CHECKERBOARD = (shape, noisy, sigma, denoised) -> {
		for (int b = 0; b < denoised.length; b++) {
			for (int i = 0; i < denoised[b].length; i++) denoised[b][i] = (i % 2 == 0 ? 1 : -1) * (b + 1) / 2f;
		}
	};

	private static float[][] evaluate(final Denoiser denoiser) {
		final float[][] noisy = new float[2][SHAPE.length()], denoised = new float[2][SHAPE.length()];
		denoiser.denoise(SHAPE, noisy, new double[] { 1, 1 }, denoised);
		return denoised;
	}

	/** The error has mean 0 and sd ε · rms of the estimate, per sample: 4096 values give ±1.6 % on the sd. */
	@Test
	void theErrorHasMeanZeroAndSpreadEpsilonTimesTheEstimatesRms() {
		final double epsilon = 0.1;
		final float[][] clean = evaluate(CHECKERBOARD), perturbed = evaluate(InjectedError.around(CHECKERBOARD, epsilon,
			7));
		for (int b = 0; b < 2; b++) {
			final double expectedSd = epsilon * (b + 1) / 2;
			double sum = 0, squares = 0;
			for (int i = 0; i < clean[b].length; i++) {
				final double e = perturbed[b][i] - clean[b][i];
				sum += e;
				squares += e * e;
			}
			final int n = clean[b].length;
			final double mean = sum / n, sd = Math.sqrt((squares - n * mean * mean) / (n - 1));
			assertEquals(0, mean, 4 * expectedSd / Math.sqrt(n), "sample " + b + " mean");
			assertEquals(expectedSd, sd, 0.05 * expectedSd, "sample " + b + " sd");
		}
	}

	@Test
	void eachEvaluationDrawsAFreshErrorAndTheSeedReproducesThem() {
		final Denoiser first = InjectedError.around(CHECKERBOARD, 0.05, 3), again = InjectedError.around(CHECKERBOARD,
			0.05, 3);
		final float[][] a1 = evaluate(first), a2 = evaluate(first);
		assertFalse(Arrays.equals(a1[0], a2[0]), "a second evaluation draws another error");
		assertFalse(Arrays.equals(a1[0], a1[1]), "each sample has its own error");
		assertArrayEquals(a1[0], evaluate(again)[0]);
		assertArrayEquals(a2[1], evaluate(again)[1]);
	}

	@Test
	void noErrorIsTheDenoiserItselfAndABadEpsilonIsRefused() {
		assertSame(CHECKERBOARD, InjectedError.around(CHECKERBOARD, 0, 1));
		assertEquals("network_error must be a finite number of at least 0, got -0.1", assertThrows(
			IllegalArgumentException.class, () -> InjectedError.around(CHECKERBOARD, -0.1, 1)).getMessage());
		assertThrows(IllegalArgumentException.class, () -> InjectedError.around(CHECKERBOARD, Double.NaN, 1));
	}
}
