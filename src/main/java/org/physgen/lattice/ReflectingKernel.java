package org.physgen.lattice;

/**
 * Random walk on sites 0..L-1 whose hops out of the segment are suppressed (Neumann boundary):
 * {@code K(i|j) = (1/L) sum_k w_k exp(-4 tau sin^2(pi k/(2L))) cos(pi k(i+1/2)/L) cos(pi k(j+1/2)/L)}
 * with w_0 = 1, w_k = 2. Stored as an L x L matrix, one column (and one CDF) per start site.
 */
final class ReflectingKernel implements AxisKernel {

	private final int length;
	/** {@code matrix[from * L + to]}. */
	private final double[] matrix;
	private final double[] cdf;

	ReflectingKernel(final int length, final double tau) {
		if (length < 1) throw new IllegalArgumentException("axis length must be positive");
		if (!(tau >= 0)) throw new IllegalArgumentException("tau must be >= 0, got " + tau);
		this.length = length;
		final double[] modes = new double[length * length];
		final double[] weight = new double[length];
		for (int k = 0; k < length; k++) {
			final double s = Math.sin(Math.PI * k / (2.0 * length));
			weight[k] = (k == 0 ? 1 : 2) * Math.exp(-4 * tau * s * s) / length;
			for (int i = 0; i < length; i++) {
				modes[k * length + i] = Math.cos(Math.PI * k * (i + 0.5) / length);
			}
		}
		matrix = new double[length * length];
		for (int from = 0; from < length; from++) {
			for (int to = from; to < length; to++) {
				double sum = 0;
				for (int k = 0; k < length; k++) {
					sum += weight[k] * modes[k * length + to] * modes[k * length + from];
				}
				matrix[from * length + to] = sum;
				matrix[to * length + from] = sum;
			}
		}
		cdf = new double[length * length];
		for (int from = 0; from < length; from++) {
			Cumulative.normalise(matrix, from * length, length, 2 * length * Math.ulp(1.0));
			Cumulative.runningSums(matrix, cdf, from * length, length);
		}
	}

	@Override
	public int length() {
		return length;
	}

	@Override
	public double probability(final int to, final int from) {
		return matrix[from * length + to];
	}

	@Override
	public int sample(final int from, final double u) {
		return Cumulative.search(cdf, from * length, length, u);
	}

	@Override
	public int neighbours(final int site) {
		return length == 1 ? 0 : (site == 0 || site == length - 1 ? 1 : 2);
	}

	@Override
	public int neighbour(final int site, final int step) {
		final int next = site + step;
		return next < 0 || next >= length ? -1 : next;
	}
}
