package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class FiniteDataDenoiserTest {

	private static float[][] randomPoints(final UniformRandomProvider rng, final int count,
		final int length)
	{
		final float[][] points = new float[count][length];
		for (final float[] p : points) {
			for (int k = 0; k < length; k++) p[k] = rng.nextBoolean() ? 1 : -1;
		}
		return points;
	}

	private static float[] noisy(final UniformRandomProvider rng, final float[] y, final double size) {
		final float[] x = y.clone();
		for (int k = 0; k < x.length; k++) x[k] += (float) (size * (rng.nextDouble() - 0.5));
		return x;
	}

	@Test
	void pfgmWeightsFollowTheKernelRatios() {
		final UniformRandomProvider rng = TinyVolumes.random(21);
		final int n = 8;
		final double d = 16;
		final double sigma = 0.6;
		final float[][] data = randomPoints(rng, 3, n);
		final float[] x = noisy(rng, data[0], 2);
		final double[] w = new FiniteDataDenoiser(PerturbationKernel.of(d), data).posteriorWeights(x,
			sigma);
		final double r2 = sigma * sigma * d;
		for (int j = 1; j < 3; j++) {
			final double ratio = Math.pow((TinyVolumes.squaredDistance(x, data[0]) + r2)
				/ (TinyVolumes.squaredDistance(x, data[j]) + r2), (n + d) / 2);
			assertEquals(ratio, w[j] / w[0], 1e-9 * ratio);
		}
		assertEquals(1, w[0] + w[1] + w[2], 1e-12);
	}

	@Test
	void gaussianWeightsFollowTheGaussianRatios() {
		final UniformRandomProvider rng = TinyVolumes.random(22);
		final float[][] data = randomPoints(rng, 4, 10);
		final float[] x = noisy(rng, data[2], 3);
		final double sigma = 1.7;
		final double[] w = new FiniteDataDenoiser(PerturbationKernel.gaussian(), data)
			.posteriorWeights(x, sigma);
		for (int j = 0; j < 4; j++) {
			final double ratio = Math.exp((TinyVolumes.squaredDistance(x, data[2]) - TinyVolumes
				.squaredDistance(x, data[j])) / (2 * sigma * sigma));
			assertEquals(ratio, w[j] / w[2], 1e-9 * ratio);
		}
	}

	@Test
	void largeDApproachesTheGaussianDenoiser() {
		final UniformRandomProvider rng = TinyVolumes.random(23);
		final VolumeShape shape = VolumeShape.forPhases(2, 3, 3, 3);
		final float[][] data = randomPoints(rng, 5, shape.length());
		final float[][] x = { noisy(rng, data[1], 4) };
		final double[] sigma = { 2.0 };
		final float[][] gaussian = new float[1][shape.length()];
		new FiniteDataDenoiser(PerturbationKernel.gaussian(), data).denoise(shape, x, sigma, gaussian);
		double previous = Double.POSITIVE_INFINITY;
		for (final double d : new double[] { 1e3, 1e5, 1e7 }) {
			final float[][] out = new float[1][shape.length()];
			new FiniteDataDenoiser(PerturbationKernel.of(d), data).denoise(shape, x, sigma, out);
			final double error = TinyVolumes.maxAbsDifference(gaussian[0], out[0]);
			assertTrue(error < previous, "error shrinks as D grows");
			previous = error;
		}
		assertTrue(previous < 1e-4, "D = 1e7 matches the Gaussian, error " + previous);
	}

	@Test
	void stableForHugeNAndReturnsTheNearestPointAtSmallSigma() {
		final UniformRandomProvider rng = TinyVolumes.random(24);
		final VolumeShape shape = VolumeShape.forPhases(2, 64, 64, 32);
		final float[][] data = randomPoints(rng, 3, shape.length());
		final float[][] x = { noisy(rng, data[1], 0.5) };
		final float[][] out = new float[1][shape.length()];
		new FiniteDataDenoiser(PerturbationKernel.of(128), data).denoise(shape, x, new double[] {
			0.01 }, out);
		assertArrayEquals(data[1], out[0]);
		// r^2 = 1.28e12 dwarfs every squared distance, so the points are almost equally likely
		final double[] w = new FiniteDataDenoiser(PerturbationKernel.of(128), data).posteriorWeights(
			x[0], 1e5);
		for (final double weight : w) assertEquals(1 / 3.0, weight, 0.05);
	}
}
