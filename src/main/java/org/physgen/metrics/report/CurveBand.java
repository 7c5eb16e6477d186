package org.physgen.metrics.report;

import java.util.Arrays;
import java.util.List;

/**
 * The natural spread of one curve: at each x, the mean and sample standard deviation of y over the
 * reference volumes of the generated size, in the curve's units.
 */
public record CurveBand(double[] x, double[] mean, double[] sd) {

	public CurveBand {
		x = x.clone();
		mean = mean.clone();
		sd = sd.clone();
	}

	/**
	 * The band of curves measured on volumes of one size, over the x values that all of them have
	 * (the shortest curve's); null for fewer than two curves.
	 */
	public static CurveBand of(final List<Curve> curves) {
		if (curves.size() < 2) return null;
		final int n = curves.stream().mapToInt(c -> c.x().length).min().orElse(0);
		final double[] mean = new double[n], sd = new double[n];
		final double[][] ys = curves.stream().map(Curve::y).toArray(double[][]::new);
		for (int i = 0; i < n; i++) {
			double sum = 0;
			for (final double[] y : ys) sum += y[i];
			mean[i] = sum / ys.length;
			double squares = 0;
			for (final double[] y : ys) squares += (y[i] - mean[i]) * (y[i] - mean[i]);
			sd[i] = Math.sqrt(squares / (ys.length - 1));
		}
		return new CurveBand(Arrays.copyOf(curves.get(0).x(), n), mean, sd);
	}

	@Override
	public double[] x() {
		return x.clone();
	}

	@Override
	public double[] mean() {
		return mean.clone();
	}

	@Override
	public double[] sd() {
		return sd.clone();
	}
}
