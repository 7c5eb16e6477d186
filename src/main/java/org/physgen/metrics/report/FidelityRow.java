package org.physgen.metrics.report;

/**
 * One statistic (of one phase) of the natural-spread comparison: mean, sample standard deviation and
 * count of the reference sub-volumes and of the generated volumes, in the statistic's unit. Volumes on
 * which the statistic is not defined (a value that is not finite) are left out of the counts.
 *
 * @param statistic the statistic and its phase, e.g. "mean chord length [pore]"
 * @param referenceSd sample standard deviation (n − 1); NaN for fewer than two values
 */
public record FidelityRow(String statistic, String unit, double referenceMean, double referenceSd,
	int referenceCount, double generatedMean, double generatedSd, int generatedCount)
{

	/** A generated mean within this many reference standard deviations matches (SPEC §14). */
	public static final double WITHIN = 2;

	/**
	 * {@code z = (generated mean − reference mean) / reference sd}. When the reference sd is 0 (every
	 * reference sub-volume has the same value), z is 0 for an equal generated mean and ±Infinity
	 * otherwise. NaN when either side has no value or the reference has a single one.
	 */
	public double z() {
		if (referenceCount == 0 || generatedCount == 0 || Double.isNaN(referenceSd)) return Double.NaN;
		final double difference = generatedMean - referenceMean;
		if (referenceSd == 0) return difference == 0 ? 0 : Math.copySign(Double.POSITIVE_INFINITY, difference);
		return difference / referenceSd;
	}

	/** |z| ≤ 2; false when z is NaN. */
	public boolean within() {
		return Math.abs(z()) <= WITHIN;
	}
}
