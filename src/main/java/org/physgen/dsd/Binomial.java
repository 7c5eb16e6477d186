package org.physgen.dsd;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;

/** Exact Binomial(n, p) draws, cheap for the small counts a DSD voxel usually holds. */
final class Binomial {

	private static final int BERNOULLI_LIMIT = 16;
	private static final double INVERSION_MEAN_LIMIT = 20;

	private Binomial() {}

	static int draw(final UniformRandomProvider rng, final int n, final double p) {
		if (n == 0 || p <= 0) return 0;
		if (p >= 1) return n;
		if (n <= BERNOULLI_LIMIT) {
			int k = 0;
			for (int i = 0; i < n; i++) {
				if (rng.nextDouble() < p) k++;
			}
			return k;
		}
		if (p > 0.5) return n - draw(rng, n, 1 - p);
		if (n * p < INVERSION_MEAN_LIMIT) return inversion(rng, n, p);
		return split(rng, n, p);
	}

	/**
	 * Large means: the a-th smallest of n uniforms is X ~ Beta(a, n + 1 - a); the uniforms below p
	 * are then either a binomial among the a - 1 below X (if X >= p) or a plus a binomial among the
	 * n - a above X, with p rescaled to the remaining interval (Knuth, TAOCP 3.4.1).
	 */
	private static int split(final UniformRandomProvider rng, final int n, final double p) {
		final int a = 1 + n / 2;
		final int b = n + 1 - a;
		final double ga = AhrensDieterMarsagliaTsangGammaSampler.of(rng, a, 1).sample();
		final double gb = AhrensDieterMarsagliaTsangGammaSampler.of(rng, b, 1).sample();
		final double x = ga / (ga + gb);
		return x >= p ? draw(rng, a - 1, p / x) : a + draw(rng, b - 1, (p - x) / (1 - x));
	}

	/** Sequential search of the CDF from 0, for p <= 1/2 and a small mean (so q^n is no underflow). */
	private static int inversion(final UniformRandomProvider rng, final int n, final double p) {
		final double odds = p / (1 - p);
		double pmf = Math.exp(n * Math.log1p(-p));
		double u = rng.nextDouble();
		int k = 0;
		while (u >= pmf && k < n) {
			u -= pmf;
			pmf *= odds * (n - k) / (k + 1);
			k++;
		}
		return k;
	}
}
