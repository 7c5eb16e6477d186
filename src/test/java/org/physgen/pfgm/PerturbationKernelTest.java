package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;

class PerturbationKernelTest {

	private static final int DRAWS = 20_000;

	/** Mean and variance of R^2 / r^2 over {@link #DRAWS} draws. */
	private static double[] squaredRadiusMoments(final PerturbationKernel kernel, final long n,
		final double sigma, final double scale)
	{
		final UniformRandomProvider rng = TinyVolumes.random(n + 17);
		double sum = 0;
		double sumSquares = 0;
		for (int i = 0; i < DRAWS; i++) {
			final double radius = kernel.sampleRadius(n, sigma, rng) / scale;
			sum += radius * radius;
			sumSquares += radius * radius * radius * radius;
		}
		final double mean = sum / DRAWS;
		return new double[] { mean, sumSquares / DRAWS - mean * mean };
	}

	/** R^2 / r^2 = G_N / G_D: mean a / (b - 1), variance a (a + b - 1) / ((b - 1)^2 (b - 2)). */
	private static void assertRadiusLaw(final long n, final double d) {
		final double sigma = 0.37;
		final PerturbationKernel kernel = PerturbationKernel.of(d);
		final double[] moments = squaredRadiusMoments(kernel, n, sigma, kernel.radiusScale(sigma));
		final double a = n / 2.0;
		final double b = d / 2.0;
		final double mean = n / (d - 2);
		final double variance = a * (a + b - 1) / ((b - 1) * (b - 1) * (b - 2));
		final double standardError = Math.sqrt(variance / DRAWS);
		assertEquals(mean, moments[0], 4 * standardError, "E[R^2]/r^2 for N = " + n + ", D = " + d);
		assertEquals(1, moments[1] / variance, 0.06, "Var[R^2]/r^4 for N = " + n + ", D = " + d);
	}

	/**
	 * R^2 / (R^2 + r^2) ~ Beta(N/2, D/2) at every D, including D <= 2 where the moments above do not
	 * exist: a Kolmogorov-Smirnov test of 4000 draws against the Beta law at the 0.1 % level, and
	 * the same draws against the law of 2D (which must be rejected, so the test has power).
	 */
	@Test
	void radiusFollowsTheBetaLawAtEveryD() {
		final long n = 3 * 8 * 8 * 8;
		final double sigma = 0.8;
		for (final double d : new double[] { 1, 2, 4, 128 }) {
			final PerturbationKernel kernel = PerturbationKernel.of(d);
			final double r = kernel.radiusScale(sigma);
			final UniformRandomProvider rng = TinyVolumes.random(40 + (int) d);
			final double[] u = new double[4000];
			for (int i = 0; i < u.length; i++) {
				final double radius = kernel.sampleRadius(n, sigma, rng);
				assertTrue(Double.isFinite(radius) && radius > 0, "D = " + d + ": radius " + radius);
				u[i] = radius * radius / (radius * radius + r * r);
			}
			final KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
			assertTrue(ks.kolmogorovSmirnovTest(new BetaDistribution(n / 2.0, d / 2), u) > 1e-3, "D = " + d);
			assertTrue(ks.kolmogorovSmirnovTest(new BetaDistribution(n / 2.0, d), u) < 1e-3,
				"D = " + d + " draws should not fit the law of 2D");
		}
	}

	@Test
	void squaredRadiusHasMeanNOverDMinus2AndItsSpread() {
		assertRadiusLaw(64 * 64 * 64, 128);
		assertRadiusLaw(64 * 64 * 64, 2048);
		assertRadiusLaw(1000, 16);
		assertRadiusLaw(3 * 16 * 16 * 16, 5000);
	}

	@Test
	void normOfA64CubeAtD128Is45Point6TimesR() {
		final PerturbationKernel kernel = PerturbationKernel.of(128);
		final double[] moments = squaredRadiusMoments(kernel, 64 * 64 * 64, 1, kernel.radiusScale(1));
		// R^2 / r^2 has a relative sd of about 1/8, so the root mean has a standard error of 0.02
		assertEquals(45.6, Math.sqrt(moments[0]), 0.1);
	}

	@Test
	void perturbationMovesByTheDrawnRadiusInAUniformDirection() {
		final PerturbationKernel kernel = PerturbationKernel.of(128);
		final int n = 64 * 64 * 64;
		final float[] clean = new float[n];
		final UniformRandomProvider rng = TinyVolumes.random(3);
		for (int k = 0; k < n; k++) clean[k] = rng.nextBoolean() ? 1 : -1;
		final double sigma = 0.7;
		final double expected = kernel.radiusScale(sigma) * Math.sqrt(n / 126.0);
		for (int item = 0; item < 3; item++) {
			final float[] x = clean.clone();
			final double radius = kernel.addNoise(x, sigma, 11, item);
			assertEquals(radius, Math.sqrt(TinyVolumes.squaredDistance(x, clean)), 1e-5 * radius);
			assertEquals(expected, radius, 0.5 * expected, "radius far from its typical size");
			double mean = 0;
			for (int k = 0; k < n; k++) mean += (x[k] - clean[k]) / radius;
			// a unit vector with uniform direction has component sum of sd 1
			assertEquals(0, mean, 5);
		}
	}

	@Test
	void gaussianKernelGivesIndependentNormalValues() {
		final int n = 200_000;
		final double sigma = 2.5;
		final float[] x = PerturbationKernel.gaussian().prior(n, sigma, 5, 0);
		double m1 = 0;
		double m2 = 0;
		double m4 = 0;
		for (final float v : x) {
			m1 += v / sigma;
			m2 += v * v / (sigma * sigma);
			m4 += Math.pow(v / sigma, 4);
		}
		assertEquals(0, m1 / n, 0.01);
		assertEquals(1, m2 / n, 0.01);
		assertEquals(3, m4 / n, 0.06, "kurtosis of a Gaussian");
	}

	@Test
	void largeDApproachesTheGaussianKernel() {
		final long n = 1000;
		final double sigma = 1.3;
		final double[] gaussian = squaredRadiusMoments(PerturbationKernel.gaussian(), n, sigma, sigma);
		final double[] nearlyGaussian = squaredRadiusMoments(PerturbationKernel.of(1e7), n, sigma,
			sigma);
		final double[] heavy = squaredRadiusMoments(PerturbationKernel.of(128), n, sigma, sigma);
		// chi-square with N degrees of freedom: mean N, variance 2N
		for (final double[] m : new double[][] { gaussian, nearlyGaussian }) {
			assertEquals(n, m[0], 4 * Math.sqrt(2.0 * n / DRAWS));
			assertEquals(2 * n, m[1], 0.06 * 2 * n);
		}
		// Var[R^2] / sigma^4 = D^2 a (a + b - 1) / ((b - 1)^2 (b - 2)), 9.4 times the Gaussian's here
		assertEquals(9.37, heavy[1] / (2 * n), 0.6, "radius law of D = 128");

		final double far = 40;
		final double near = 25;
		final double gaussianLogRatio = PerturbationKernel.gaussian().logDensity(far, n, sigma)
			- PerturbationKernel.gaussian().logDensity(near, n, sigma);
		for (final double d : new double[] { 1e4, 1e6, 1e8 }) {
			final PerturbationKernel kernel = PerturbationKernel.of(d);
			final double logRatio = kernel.logDensity(far, n, sigma) - kernel.logDensity(near, n, sigma);
			assertEquals(gaussianLogRatio, logRatio, Math.abs(gaussianLogRatio) * 3 * (n + 50) / d);
		}
	}

	@Test
	void drawsDependOnSeedAndItemButNotOnThreads() throws Exception {
		final PerturbationKernel kernel = PerturbationKernel.of(2048);
		final int n = 5 * Blocks.SIZE + 123;
		final float[] one = new ForkJoinPool(1).submit(() -> kernel.prior(n, 80, 9, 2)).get();
		final float[] four = new ForkJoinPool(4).submit(() -> kernel.prior(n, 80, 9, 2)).get();
		assertArrayEquals(one, four);
		assertFalse(java.util.Arrays.equals(one, kernel.prior(n, 80, 9, 3)));
		assertFalse(java.util.Arrays.equals(one, kernel.prior(n, 80, 10, 2)));
	}

	@Test
	void perturbAddsTheSameDrawToACopy() {
		final PerturbationKernel kernel = PerturbationKernel.of(2048);
		final float[] clean = new float[1000];
		java.util.Arrays.fill(clean, -1);
		final float[] x = kernel.perturb(clean, 0.3, 8, 1);
		final float[] expected = clean.clone();
		kernel.addNoise(expected, 0.3, 8, 1);
		assertArrayEquals(expected, x);
		for (final float v : clean) assertEquals(-1, v);
		final float[] prior = kernel.prior(1000, 0.3, 8, 1);
		for (int k = 0; k < 1000; k++) assertEquals(x[k] + 1, prior[k], 1e-6);
	}

	@Test
	void rejectsTooFewAugmentedDimensionsAndBadSigma() {
		assertThrows(IllegalArgumentException.class, () -> PerturbationKernel.of(0.5));
		assertEquals(1, PerturbationKernel.of(1).augmentedDimensions(), "D = 1 is PFGM");
		assertThrows(IllegalArgumentException.class, () -> PerturbationKernel.of(Double.NaN));
		assertTrue(PerturbationKernel.of(Double.POSITIVE_INFINITY).isGaussian());
		assertEquals(Double.POSITIVE_INFINITY, PerturbationKernel.gaussian().augmentedDimensions());
		assertEquals(128, PerturbationKernel.of(128).augmentedDimensions());
		assertThrows(IllegalStateException.class, () -> PerturbationKernel.gaussian().radiusScale(1));
		assertThrows(IllegalArgumentException.class, () -> PerturbationKernel.of(128).prior(10, 0, 1,
			0));
	}
}
