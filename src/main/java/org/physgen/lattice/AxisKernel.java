package org.physgen.lattice;

/**
 * Transition probabilities of a continuous-time random walk along one axis of length L after
 * dimensionless time {@code tau = r t}, where the walker hops to each neighbour at rate r. The 3D
 * kernel is the product of one such kernel per axis.
 */
public interface AxisKernel {

	int length();

	/** Probability to be at site {@code to} given a start at site {@code from}. */
	double probability(int to, int from);

	/**
	 * Inverse-CDF draw of the destination of a walker that started at {@code from}, for
	 * {@code u} uniform in [0, 1). Sites of probability 0 are never returned.
	 */
	int sample(int from, double u);

	/** Number of in-box neighbours of a site (2 on a ring, 1 at the ends of a reflecting segment). */
	int neighbours(int site);

	/**
	 * The site one step from {@code site} in direction {@code step} (+1 or -1), or -1 if that step
	 * leaves the box.
	 */
	int neighbour(int site, int step);

	static AxisKernel of(final Boundary boundary, final int length, final double tau) {
		return boundary == Boundary.PERIODIC ? new PeriodicKernel(length, tau)
			: new ReflectingKernel(length, tau);
	}
}
