package org.physgen.benchmark;

import java.util.Arrays;
import java.util.List;

/** Medians of benchmark timings. */
final class Medians {

	private Medians() {}

	/** The median; the mean of the middle two for an even count. */
	static double of(final double... values) {
		if (values.length == 0) throw new IllegalArgumentException("no values");
		final double[] sorted = values.clone();
		Arrays.sort(sorted);
		final int m = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[m] : (sorted[m - 1] + sorted[m]) / 2;
	}

	static double of(final List<Double> values) {
		return of(values.stream().mapToDouble(Double::doubleValue).toArray());
	}
}
