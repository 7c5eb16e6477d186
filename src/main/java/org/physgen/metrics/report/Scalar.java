package org.physgen.metrics.report;

/**
 * One scalar statistic of one volume, for example the mean chord length of the pore phase along z.
 *
 * @param metric short metric name, e.g. "mean chord length"
 * @param phase phase name, or "" for whole-volume quantities
 * @param axis "x", "y", "z", or "" when the quantity has no direction
 * @param unit unit of the value, e.g. "voxels", "1/voxel", "" for dimensionless
 */
public record Scalar(String metric, String phase, String axis, double value, String unit) {

	/** Identifies the same quantity across volumes: metric, phase and axis. */
	public String key() {
		final StringBuilder sb = new StringBuilder(metric);
		if (!phase.isEmpty()) sb.append(" [").append(phase).append(']');
		if (!axis.isEmpty()) sb.append(" (").append(axis).append(')');
		return sb.toString();
	}
}
