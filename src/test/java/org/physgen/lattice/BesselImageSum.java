package org.physgen.lattice;

import org.apache.commons.math3.special.Gamma;

/**
 * Independent reference for the 1D kernels: the infinite-lattice kernel {@code e^-2tau I_n(2tau)}
 * (a series of positive terms, so no cancellation) summed over the images of the start site.
 */
final class BesselImageSum {

	/** Largest |n| kept; the free kernel is below 1e-40 beyond it for every tau used here. */
	private static final int REACH = 200;

	/** {@code free[n + REACH]}. */
	private final double[] free = new double[2 * REACH + 1];

	BesselImageSum(final double tau) {
		for (int n = -REACH; n <= REACH; n++) {
			free[n + REACH] = free(n, tau);
		}
	}

	private static double free(final int n, final double tau) {
		if (tau == 0) return n == 0 ? 1 : 0;
		final int order = Math.abs(n);
		final double z = 2 * tau;
		// term m of e^-z sum_m tau^(2m+n) / (m! (m+n)!), each from the previous by a ratio
		double term = Math.exp(order * Math.log(tau) - Gamma.logGamma(order + 1) - z);
		double sum = 0;
		for (int m = 0; m < 2 * z + 60; m++) {
			sum += term;
			term *= tau * tau / ((m + 1.0) * (m + 1.0 + order));
		}
		return sum;
	}

	private double at(final int n) {
		return Math.abs(n) > REACH ? 0 : free[n + REACH];
	}

	double kernel(final Boundary boundary, final int length, final int to, final int from) {
		double sum = 0;
		if (boundary == Boundary.PERIODIC) {
			for (int m = -REACH / length - 1; m <= REACH / length + 1; m++) {
				sum += at(to - from + m * length);
			}
		}
		else {
			for (int m = -REACH / (2 * length) - 1; m <= REACH / (2 * length) + 1; m++) {
				sum += at(to - from + 2 * m * length) + at(to + from + 1 + 2 * m * length);
			}
		}
		return sum;
	}
}
