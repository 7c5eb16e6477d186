package org.physgen.metrics.report;

/**
 * One curve of one volume, for example S2(r) of the pore phase along z.
 *
 * @param metric what the curve shows, e.g. "two-point correlation S2"
 * @param phase phase name
 * @param axis "x", "y", "z", "radial", or "" when the curve has no direction
 */
public record Curve(String metric, String phase, String axis, String xLabel, String yLabel, double[] x,
	double[] y)
{

	public Curve {
		if (x.length != y.length) {
			throw new IllegalArgumentException(metric + ": " + x.length + " x values for " + y.length + " y values");
		}
		x = x.clone();
		y = y.clone();
	}

	/** Identifies the same curve across volumes: metric, phase and axis. */
	public String key() {
		return new Scalar(metric, phase, axis, 0, "").key();
	}

	@Override
	public double[] x() {
		return x.clone();
	}

	@Override
	public double[] y() {
		return y.clone();
	}
}
