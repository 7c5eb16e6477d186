package org.physgen.metrics.report;

/**
 * One scalar statistic of one volume, for example the mean chord length of the pore phase along z.
 *
 * @param metric short metric name, e.g. "mean chord length"
 * @param phase phase name, or "" for whole-volume quantities
 * @param axis "x", "y", "z", or "" when the quantity has no direction
 * @param unit unit of the value, e.g. "µm", "1/voxel", "" for dimensionless
 * @param extensive whether the value grows with the size of the volume (voxel counts, Euler
 *          characteristic, cluster counts): comparable only between volumes of equal size
 */
public record Scalar(String metric, String phase, String axis, double value, String unit, boolean extensive) {

	/** An intensive scalar: a fraction, a density or a length, comparable across volume sizes. */
	public Scalar(final String metric, final String phase, final String axis, final double value,
		final String unit)
	{
		this(metric, phase, axis, value, unit, false);
	}

	/** Identifies the same quantity across volumes: metric, phase and axis. */
	public String key() {
		final StringBuilder sb = new StringBuilder(metric);
		if (!phase.isEmpty()) sb.append(" [").append(phase).append(']');
		if (!axis.isEmpty()) sb.append(" (").append(axis).append(')');
		return sb.toString();
	}
}
