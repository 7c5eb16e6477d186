package org.physgen.lattice;

/** Probability vectors with round-off cleaned up, and inverse-CDF lookup in their running sums. */
final class Cumulative {

	private Cumulative() {}

	/**
	 * Sets entries below {@code floor} (the round-off level of the sums that produced them, so
	 * they carry no information, not even their sign) to 0 and rescales to sum 1, in place.
	 */
	static void normalise(final double[] p, final int offset, final int length,
		final double floor)
	{
		double sum = 0;
		for (int i = offset; i < offset + length; i++) {
			if (!(p[i] > floor)) p[i] = 0;
			sum += p[i];
		}
		for (int i = offset; i < offset + length; i++) {
			p[i] /= sum;
		}
	}

	/**
	 * Running sums of {@code p[offset..offset+length)} into {@code cdf} at the same positions; the
	 * last entry is exactly 1 so that every u in [0, 1) finds a site.
	 */
	static void runningSums(final double[] p, final double[] cdf, final int offset,
		final int length)
	{
		double sum = 0;
		for (int i = offset; i < offset + length; i++) {
			sum += p[i];
			cdf[i] = sum;
		}
		int last = offset + length - 1;
		while (last > offset && p[last] == 0) {
			cdf[last] = 1;
			last--;
		}
		cdf[last] = 1;
	}

	/** Smallest i in [0, length) with {@code u < cdf[offset + i]}. */
	static int search(final double[] cdf, final int offset, final int length, final double u) {
		int lo = 0;
		int hi = length - 1;
		while (lo < hi) {
			final int mid = (lo + hi) >>> 1;
			if (u < cdf[offset + mid]) hi = mid;
			else lo = mid + 1;
		}
		return lo;
	}
}
