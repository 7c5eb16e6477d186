package org.physgen.metrics.report;

import java.util.List;

/** Mean and sample standard deviation of a list of values, as the comparisons report them. */
public final class SampleMoments {

	private SampleMoments() {}

	/** The arithmetic mean; NaN for no values. */
	public static double mean(final List<Double> values) {
		if (values.isEmpty()) return Double.NaN;
		double sum = 0;
		for (final double v : values) sum += v;
		return sum / values.size();
	}

	/** The sample standard deviation (n − 1 in the denominator); NaN for fewer than two values. */
	public static double sd(final List<Double> values) {
		if (values.size() < 2) return Double.NaN;
		final double mean = mean(values);
		double sum = 0;
		for (final double v : values) sum += (v - mean) * (v - mean);
		return Math.sqrt(sum / (values.size() - 1));
	}
}
