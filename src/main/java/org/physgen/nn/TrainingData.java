package org.physgen.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What a model was trained on: the data's name and checksum, and the distribution of phase fractions
 * over the training crops (phases 1..P-1; phase 0 is the rest). Generation draws targets from
 * {@link #cropFractions()} or uses {@link #fractionMean()}.
 *
 * @param name name of the training volume(s)
 * @param sha256 hex SHA-256 of the training volume data
 * @param cropCount number of crops the statistics were taken over
 * @param fractionMean mean fraction per phase 1..P-1
 * @param fractionSd standard deviation per phase 1..P-1
 * @param fractionQuantiles one row per level of {@link #QUANTILE_LEVELS}, each with one value per phase
 *          1..P-1
 * @param cropFractions up to {@link #MAX_STORED_CROPS} per-crop fraction vectors
 */
public record TrainingData(String name, String sha256, long cropCount, double[] fractionMean,
	double[] fractionSd, double[][] fractionQuantiles, List<double[]> cropFractions)
{

	/** Levels of the stored quantiles: 5, 25, 50, 75 and 95 %. */
	public static final double[] QUANTILE_LEVELS = { 0.05, 0.25, 0.5, 0.75, 0.95 };

	/** At most this many per-crop fraction vectors are stored. */
	public static final int MAX_STORED_CROPS = 1000;

	public TrainingData {
		if (name == null) name = "";
		if (sha256 == null) sha256 = "";
		if (cropCount < 0) throw new IllegalArgumentException("crop count must be 0 or more, got " + cropCount);
		final int k = fractionMean.length;
		requireLength("fraction_sd", fractionSd, k);
		if (fractionQuantiles.length != QUANTILE_LEVELS.length) {
			throw new IllegalArgumentException("fraction_quantiles needs " + QUANTILE_LEVELS.length +
				" rows (5, 25, 50, 75, 95 %), got " + fractionQuantiles.length);
		}
		final double[][] quantiles = new double[QUANTILE_LEVELS.length][];
		for (int q = 0; q < quantiles.length; q++) {
			requireLength("fraction_quantiles row " + q, fractionQuantiles[q], k);
			quantiles[q] = fractionQuantiles[q].clone();
		}
		if (cropFractions.size() > MAX_STORED_CROPS) {
			throw new IllegalArgumentException("at most " + MAX_STORED_CROPS + " crop fractions are " +
				"stored, got " + cropFractions.size());
		}
		final List<double[]> crops = new ArrayList<>(cropFractions.size());
		for (final double[] f : cropFractions) {
			requireLength("crop fraction vector", f, k);
			crops.add(f.clone());
		}
		fractionMean = fractionMean.clone();
		fractionSd = fractionSd.clone();
		fractionQuantiles = quantiles;
		cropFractions = List.copyOf(crops);
	}

	/**
	 * Summarises per-crop fraction vectors: mean, sample standard deviation, the quantiles of
	 * {@link #QUANTILE_LEVELS} (linear interpolation between order statistics), and an evenly spaced
	 * subsample of at most {@link #MAX_STORED_CROPS} vectors.
	 *
	 * @param perCrop one vector of fractions of phases 1..P-1 per crop, all the same length
	 */
	public static TrainingData summarise(final String name, final String sha256,
		final List<double[]> perCrop)
	{
		if (perCrop.isEmpty()) throw new IllegalArgumentException("no crop fractions to summarise");
		final int n = perCrop.size();
		final int k = perCrop.get(0).length;
		final double[] mean = new double[k];
		final double[] sd = new double[k];
		final double[][] quantiles = new double[QUANTILE_LEVELS.length][k];
		final double[] column = new double[n];
		for (int p = 0; p < k; p++) {
			double sum = 0;
			for (int i = 0; i < n; i++) {
				final double[] f = perCrop.get(i);
				if (f.length != k) {
					throw new IllegalArgumentException("crop " + i + " has " + f.length +
						" fractions, crop 0 has " + k);
				}
				column[i] = f[p];
				sum += f[p];
			}
			mean[p] = sum / n;
			double squares = 0;
			for (final double v : column) squares += (v - mean[p]) * (v - mean[p]);
			sd[p] = n > 1 ? Math.sqrt(squares / (n - 1)) : 0;
			Arrays.sort(column);
			for (int q = 0; q < QUANTILE_LEVELS.length; q++) {
				quantiles[q][p] = quantile(column, QUANTILE_LEVELS[q]);
			}
		}
		final int stored = Math.min(n, MAX_STORED_CROPS);
		final List<double[]> sample = new ArrayList<>(stored);
		for (int j = 0; j < stored; j++) sample.add(perCrop.get((int) ((long) j * n / stored)));
		return new TrainingData(name, sha256, n, mean, sd, quantiles, sample);
	}

	/** Number of fractions per vector, P-1. */
	public int fractionCount() {
		return fractionMean.length;
	}

	@Override
	public double[] fractionMean() {
		return fractionMean.clone();
	}

	@Override
	public double[] fractionSd() {
		return fractionSd.clone();
	}

	@Override
	public double[][] fractionQuantiles() {
		final double[][] copy = new double[fractionQuantiles.length][];
		for (int q = 0; q < copy.length; q++) copy[q] = fractionQuantiles[q].clone();
		return copy;
	}

	/** The stored per-crop fraction vectors (copies). */
	@Override
	public List<double[]> cropFractions() {
		final List<double[]> copy = new ArrayList<>(cropFractions.size());
		for (final double[] f : cropFractions) copy.add(f.clone());
		return copy;
	}

	@Override
	public boolean equals(final Object o) {
		if (!(o instanceof TrainingData t) || !name.equals(t.name) || !sha256.equals(t.sha256) ||
			cropCount != t.cropCount || !Arrays.equals(fractionMean, t.fractionMean) ||
			!Arrays.equals(fractionSd, t.fractionSd) ||
			!Arrays.deepEquals(fractionQuantiles, t.fractionQuantiles) ||
			cropFractions.size() != t.cropFractions.size())
		{
			return false;
		}
		for (int i = 0; i < cropFractions.size(); i++) {
			if (!Arrays.equals(cropFractions.get(i), t.cropFractions.get(i))) return false;
		}
		return true;
	}

	@Override
	public int hashCode() {
		int h = name.hashCode() * 31 + sha256.hashCode();
		h = h * 31 + Long.hashCode(cropCount);
		h = h * 31 + Arrays.hashCode(fractionMean);
		h = h * 31 + Arrays.hashCode(fractionSd);
		h = h * 31 + Arrays.deepHashCode(fractionQuantiles);
		for (final double[] f : cropFractions) h = h * 31 + Arrays.hashCode(f);
		return h;
	}

	@Override
	public String toString() {
		return "TrainingData[name=" + name + ", sha256=" + sha256 + ", crops=" + cropCount + ", mean=" +
			Arrays.toString(fractionMean) + ", sd=" + Arrays.toString(fractionSd) + "]";
	}

	private static double quantile(final double[] sorted, final double level) {
		final double position = level * (sorted.length - 1);
		final int below = (int) Math.floor(position);
		final int above = Math.min(below + 1, sorted.length - 1);
		return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
	}

	private static void requireLength(final String what, final double[] values, final int length) {
		if (values.length != length) {
			throw new IllegalArgumentException(what + " has " + values.length + " values, expected " +
				length + " (one per phase 1..P-1)");
		}
	}
}
