package org.physgen.metrics.report;

/**
 * One scalar compared between the reference volume and the generated ones: the reference value,
 * the generated mean and sample standard deviation (NaN for fewer than two volumes), and the relative
 * difference (mean - reference) / |reference| (NaN when the reference is 0, and when the quantity is
 * extensive and the volumes differ in size: a count of a larger volume is larger for that reason
 * alone).
 *
 * @param comparable false for an extensive quantity of volumes of different sizes
 */
public record ComparisonRow(String key, String unit, double reference, double mean, double sd, int count,
	boolean comparable)
{

	public static final String NOT_COMPARABLE = "extensive: not compared (the volumes differ in size)";

	public double relativeDifference() {
		return !comparable || reference == 0 ? Double.NaN : (mean - reference) / Math.abs(reference);
	}

	/** Why the row carries no relative difference, or "". */
	public String note() {
		return comparable ? "" : NOT_COMPARABLE;
	}
}
