package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class HeunSamplerTest {

	private static final double[] DS = { 1, 4, 128, 2048, Double.POSITIVE_INFINITY };

	/** A few random volumes of the shape's phases and their encodings. */
	private static byte[][][] dataSet(final long seed, final VolumeShape shape, final int count) {
		final UniformRandomProvider rng = TinyVolumes.random(seed);
		final byte[][][] labels = new byte[count][][];
		for (int j = 0; j < count; j++) labels[j] = TinyVolumes.randomLabels(rng, shape);
		return labels;
	}

	private static float[][] encode(final byte[][][] labels, final VolumeShape shape) {
		final float[][] data = new float[labels.length][];
		for (int j = 0; j < labels.length; j++) data[j] = PhaseEncoding.encode(labels[j], shape);
		return data;
	}

	private static int nearest(final float[][] data, final float[] x) {
		int best = 0;
		for (int j = 1; j < data.length; j++) {
			if (TinyVolumes.squaredDistance(x, data[j]) < TinyVolumes.squaredDistance(x, data[best])) {
				best = j;
			}
		}
		return best;
	}

	private static void assertLandsOnDataPoints(final VolumeShape shape, final Churn churn) {
		final byte[][][] labels = dataSet(31 + shape.channels(), shape, 4);
		final float[][] data = encode(labels, shape);
		for (final double d : DS) {
			final PerturbationKernel kernel = PerturbationKernel.of(d);
			final HeunSampler sampler = new HeunSampler(kernel, SigmaGrid.edm(18)).withChurn(churn);
			final Samples samples = sampler.sample(new FiniteDataDenoiser(kernel, data), shape, 8, 5);
			assertEquals(35, samples.evaluations());
			final Set<Integer> reached = new HashSet<>();
			for (final float[] x : samples.samples()) {
				final int j = nearest(data, x);
				reached.add(j);
				assertTrue(TinyVolumes.maxAbsDifference(x, data[j]) < 1e-4, "D = " + d
					+ ": sample ends off the data, max difference " + TinyVolumes.maxAbsDifference(x,
						data[j]));
				final Decoded decoded = PhaseEncoding.decode(x, shape, TinyVolumes.counts(labels[j], shape
					.phases()), 0);
				assertArrayEquals(labels[j], decoded.labels());
				assertEquals(0, decoded.flipped());
			}
			assertTrue(reached.size() >= 2, "D = " + d + ": 8 samples all reached the same data point");
		}
	}

	@Test
	void exactDenoiserSamplesLandOnDataPoints() {
		assertLandsOnDataPoints(VolumeShape.forPhases(2, 4, 4, 4), Churn.NONE);
		assertLandsOnDataPoints(VolumeShape.forPhases(3, 3, 4, 2), Churn.NONE);
	}

	@Test
	void stochasticSamplerAlsoLandsOnDataPoints() {
		assertLandsOnDataPoints(VolumeShape.forPhases(2, 4, 4, 4), Churn.of(20));
	}

	@Test
	void churnChangesTheTrajectory() {
		final VolumeShape shape = VolumeShape.forPhases(2, 4, 3, 2);
		final PerturbationKernel kernel = PerturbationKernel.of(128);
		final Denoiser shrink = (s, noisy, sigma, out) -> {
			for (int b = 0; b < noisy.length; b++) {
				for (int k = 0; k < noisy[b].length; k++) out[b][k] = (float) (noisy[b][k] / (1 + sigma[b]));
			}
		};
		final HeunSampler sampler = new HeunSampler(kernel, SigmaGrid.edm(6));
		final float[] plain = sampler.sample(shrink, shape, 1, 3).samples()[0];
		final float[] churned = sampler.withChurn(Churn.of(5)).sample(shrink, shape, 1, 3).samples()[0];
		assertFalse(java.util.Arrays.equals(plain, churned));
	}

	/**
	 * Gaussian data N(0, s^2) under the Gaussian kernel has D(x, sigma) = s^2 / (s^2 + sigma^2) x,
	 * and the ODE solution is x(sigma) = x(sigma_max) sqrt((s^2 + sigma^2) / (s^2 + sigma_max^2)).
	 * The Heun sampler's error must shrink with the square of the step size.
	 */
	@Test
	void heunStepsAreSecondOrderAccurate() {
		final double s2 = 0.25;
		final Denoiser gaussianData = (shape, noisy, sigma, out) -> {
			for (int b = 0; b < noisy.length; b++) {
				final double factor = s2 / (s2 + sigma[b] * sigma[b]);
				for (int k = 0; k < noisy[b].length; k++) out[b][k] = (float) (factor * noisy[b][k]);
			}
		};
		final VolumeShape shape = VolumeShape.forPhases(2, 2, 2, 2);
		final double[] errors = new double[2];
		for (int r = 0; r < 2; r++) {
			final SigmaGrid grid = SigmaGrid.edm(16 << r);
			final HeunRun run = new HeunSampler(PerturbationKernel.gaussian(), grid).start(
				gaussianData, shape, 1, 7);
			final float[] prior = run.samples()[0].clone();
			while (!run.finished()) run.step();
			final double exact = Math.sqrt(s2 / (s2 + 80 * 80));
			for (int k = 0; k < prior.length; k++) {
				errors[r] = Math.max(errors[r], Math.abs(run.samples()[0][k] / prior[k] - exact) / exact);
			}
		}
		// twice the steps divide a second-order error by 4, a first-order one by 2
		assertTrue(errors[0] / errors[1] > 3.2, "errors " + errors[0] + " -> " + errors[1]);
		assertTrue(errors[1] < 0.03, "errors " + errors[0] + " -> " + errors[1]);
	}

	@Test
	void samplesDependOnSeedAndIndexOnly() throws Exception {
		final VolumeShape shape = VolumeShape.forPhases(2, 40, 40, 30);
		final PerturbationKernel kernel = PerturbationKernel.of(2048);
		final Denoiser shrink = (s, noisy, sigma, out) -> {
			for (int b = 0; b < noisy.length; b++) {
				for (int k = 0; k < noisy[b].length; k++) out[b][k] = (float) Math.tanh(noisy[b][k]);
			}
		};
		final HeunSampler sampler = new HeunSampler(kernel, SigmaGrid.edm(4)).withSteering(
			new MeanSteering(new double[] { -0.2 }));
		final float[][] three = new ForkJoinPool(3).submit(() -> sampler.sample(shrink, shape, 3, 42)
			.samples()).get();
		final float[][] one = new ForkJoinPool(1).submit(() -> sampler.sample(shrink, shape, 1, 42)
			.samples()).get();
		assertArrayEquals(three[0], one[0]);
		assertFalse(java.util.Arrays.equals(three[0], three[1]));
	}

	@Test
	void reportsProgressAndCountsEvaluations() {
		final VolumeShape shape = VolumeShape.forPhases(3, 2, 2, 2);
		final AtomicInteger calls = new AtomicInteger();
		final Denoiser zero = (s, noisy, sigma, out) -> {
			calls.incrementAndGet();
			assertEquals(2, noisy.length);
			assertEquals(sigma[0], sigma[1]);
		};
		final List<double[]> progress = new ArrayList<>();
		final SigmaGrid grid = SigmaGrid.edm(5);
		final Samples samples = new HeunSampler(PerturbationKernel.of(128), grid).withListener((done,
			steps, sigma, evaluations) -> progress.add(new double[] { done, steps, sigma, evaluations }))
			.sample(zero, shape, 2, 1);
		assertEquals(9, samples.evaluations());
		assertEquals(9, calls.get());
		assertEquals(5, progress.size());
		for (int i = 0; i < 5; i++) {
			assertArrayEquals(new double[] { i + 1, 5, grid.sigma(i + 1), Math.min(2 * i + 2, 9) },
				progress.get(i));
		}
	}

	@Test
	void cancellationStopsBeforeTheNextStep() {
		final VolumeShape shape = VolumeShape.forPhases(2, 2, 2, 2);
		final AtomicInteger calls = new AtomicInteger();
		final Denoiser counting = (s, noisy, sigma, out) -> calls.incrementAndGet();
		final AtomicInteger steps = new AtomicInteger();
		final HeunSampler sampler = new HeunSampler(PerturbationKernel.gaussian(), SigmaGrid.edm(18))
			.withListener((done, total, sigma, evaluations) -> steps.set(done)).withCancellation(
				() -> steps.get() >= 3);
		assertThrows(CancellationException.class, () -> sampler.sample(counting, shape, 1, 0));
		assertEquals(6, calls.get());
	}
}
