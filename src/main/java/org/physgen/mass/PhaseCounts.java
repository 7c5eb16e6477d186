package org.physgen.mass;

import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * Converts requested phase fractions to exact voxel counts and back. Fractions are given for
 * phases 1..P-1; phase 0 takes the remaining voxels.
 */
public final class PhaseCounts {

	/** Most phases a volume may have, so at most this many minus one fractions. */
	public static final int MAX_PHASES = 8;

	private static final Pattern DECIMAL = Pattern.compile(
		"[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

	private PhaseCounts() {}

	/**
	 * Voxel counts of phases 0..P-1 for fractions of phases 1..P-1: count_p = round(f_p * voxels)
	 * (halves round up), phase 0 gets the rest.
	 *
	 * @throws IllegalArgumentException (message naming {@code fractions}) for invalid fractions or
	 *           a phase that gets no voxels at this size
	 */
	public static long[] fromFractions(final double[] fractions, final long voxels) {
		checkFractions(fractions);
		if (voxels < 1) {
			throw new IllegalArgumentException("voxels = " + voxels + " must be at least 1");
		}
		final long[] counts = new long[fractions.length + 1];
		long assigned = 0;
		for (int f = 0; f < fractions.length; f++) {
			final long count = Math.round(fractions[f] * voxels);
			if (count == 0) {
				throw new IllegalArgumentException("fractions: phase " + (f + 1) + " fraction "
					+ fractions[f] + " is unreachable at " + voxels + " voxels (rounds to 0 voxels)");
			}
			counts[f + 1] = count;
			assigned += count;
		}
		if (assigned >= voxels) {
			throw new IllegalArgumentException("fractions " + Arrays.toString(fractions)
				+ " leave phase 0 no voxels at " + voxels + " voxels");
		}
		counts[0] = voxels - assigned;
		return counts;
	}

	/**
	 * Parses comma-separated fractions of phases 1..P-1, for example {@code "0.40, 0.15"}.
	 *
	 * @throws IllegalArgumentException (message naming {@code fractions}) for a token that is not a
	 *           decimal number or invalid fractions
	 */
	public static double[] parse(final String text) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException("fractions: no values given, expected for example "
				+ "\"0.40,0.15\"");
		}
		final String[] tokens = text.split(",", -1);
		final double[] fractions = new double[tokens.length];
		for (int t = 0; t < tokens.length; t++) {
			final String token = tokens[t].trim();
			if (!DECIMAL.matcher(token).matches()) {
				throw new IllegalArgumentException("fractions: \"" + token + "\" (value " + (t + 1)
					+ " of \"" + text + "\") is not a decimal number");
			}
			fractions[t] = Double.parseDouble(token);
		}
		checkFractions(fractions);
		return fractions;
	}

	/** Fractions of phases 1..P-1 for voxel counts of phases 0..P-1. */
	public static double[] fractions(final long[] counts) {
		if (counts == null || counts.length < 2) {
			throw new IllegalArgumentException("counts must list at least 2 phases, got "
				+ (counts == null ? "null" : Arrays.toString(counts)));
		}
		long total = 0;
		for (final long count : counts) {
			if (count < 0) {
				throw new IllegalArgumentException("counts must not be negative: " + Arrays.toString(
					counts));
			}
			total = Math.addExact(total, count);
		}
		if (total == 0) throw new IllegalArgumentException("counts are all zero");
		final double[] fractions = new double[counts.length - 1];
		for (int p = 1; p < counts.length; p++) fractions[p - 1] = (double) counts[p] / total;
		return fractions;
	}

	private static void checkFractions(final double[] fractions) {
		if (fractions == null || fractions.length == 0) {
			throw new IllegalArgumentException("fractions: give the fraction of at least phase 1");
		}
		if (fractions.length > MAX_PHASES - 1) {
			throw new IllegalArgumentException("fractions: " + fractions.length + " values "
				+ Arrays.toString(fractions) + ", at most " + (MAX_PHASES - 1) + " (" + MAX_PHASES
				+ " phases) are supported");
		}
		double sum = 0;
		for (int f = 0; f < fractions.length; f++) {
			final double value = fractions[f];
			if (!(value > 0 && value < 1)) {
				throw new IllegalArgumentException("fractions: phase " + (f + 1) + " fraction " + value
					+ " must be greater than 0 and less than 1");
			}
			sum += value;
		}
		if (sum > 1) {
			throw new IllegalArgumentException("fractions " + Arrays.toString(fractions) + " sum to "
				+ sum + ", more than 1");
		}
	}
}
