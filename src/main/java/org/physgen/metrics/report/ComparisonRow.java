package org.physgen.metrics.report;

/**
 * One scalar compared between the reference volume and the generated ones: the reference value,
 * the generated mean and sample standard deviation (NaN for fewer than two volumes), and the relative
 * difference (mean - reference) / |reference| (NaN when the reference is 0).
 */
public record ComparisonRow(String key, String unit, double reference, double mean, double sd, int count) {

	public double relativeDifference() {
		return reference == 0 ? Double.NaN : (mean - reference) / Math.abs(reference);
	}
}
