package org.physgen.lattice;

/**
 * Random walk on a ring of L sites: {@code K(d) = (1/L) sum_k exp(-4 tau sin^2(pi k/L))
 * cos(2 pi k d/L)}, a function of the displacement d = to - from (mod L) only.
 */
final class PeriodicKernel implements AxisKernel {

	private final int length;
	private final double[] byDisplacement;
	private final double[] cdf;

	PeriodicKernel(final int length, final double tau) {
		if (length < 1) throw new IllegalArgumentException("axis length must be positive");
		if (!(tau >= 0)) throw new IllegalArgumentException("tau must be >= 0, got " + tau);
		this.length = length;
		byDisplacement = new double[length];
		final double[] cos = new double[length];
		final double[] decay = new double[length];
		for (int k = 0; k < length; k++) {
			cos[k] = Math.cos(2 * Math.PI * k / length);
			final double s = Math.sin(Math.PI * k / length);
			decay[k] = Math.exp(-4 * tau * s * s);
		}
		for (int d = 0; d < length; d++) {
			double sum = 0;
			for (int k = 0; k < length; k++) {
				sum += decay[k] * cos[(int) ((long) k * d % length)];
			}
			byDisplacement[d] = sum / length;
		}
		Cumulative.normalise(byDisplacement, 0, length, length * Math.ulp(1.0));
		cdf = new double[length];
		Cumulative.runningSums(byDisplacement, cdf, 0, length);
	}

	@Override
	public int length() {
		return length;
	}

	@Override
	public double probability(final int to, final int from) {
		return byDisplacement[Math.floorMod(to - from, length)];
	}

	@Override
	public int sample(final int from, final double u) {
		final int site = from + Cumulative.search(cdf, 0, length, u);
		return site >= length ? site - length : site;
	}

	@Override
	public int neighbours(final int site) {
		return 2;
	}

	@Override
	public int neighbour(final int site, final int step) {
		return Math.floorMod(site + step, length);
	}
}
