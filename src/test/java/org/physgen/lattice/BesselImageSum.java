package org.physgen.lattice;

import org.apache.commons.math3.special.Gamma;

/**
 * Independent reference for the 1D kernels: the infinite-lattice kernel {@code e^-2tau I_n(2tau)}
 * (series of positive terms, so no cancellation) summed over the images of the start site.
 */
final class BesselImageSum {

	private static final int REACH = 200;

	private BesselImageSum() {}

	static double free(final int n, final double tau) {
		if (tau == 0) return n == 0 ? 1 : 0;
		final int order = Math.abs(n);
		if (order > 4 * tau + 40) return 0; // below 1e-40 for every tau used here
		final double z = 2 * tau;
		final double logHalf = Math.log(tau);
		double sum = 0;
		for (int m = 0; m < 2 * z + 60; m++) {
			sum += Math.exp((2 * m + order) * logHalf - Gamma.logGamma(m + 1) - Gamma.logGamma(m + order
				+ 1) - z);
		}
		return sum;
	}

	static double kernel(final Boundary boundary, final int length, final double tau, final int to,
		final int from)
	{
		double sum = 0;
		if (boundary == Boundary.PERIODIC) {
			for (int m = -REACH / length - 1; m <= REACH / length + 1; m++) {
				sum += free(to - from + m * length, tau);
			}
		}
		else {
			for (int m = -REACH / (2 * length) - 1; m <= REACH / (2 * length) + 1; m++) {
				sum += free(to - from + 2 * m * length, tau) + free(to + from + 1 + 2 * m * length, tau);
			}
		}
		return sum;
	}
}
