package org.physgen.dsd;

/**
 * A batch of forward-noised states with their reverse-rate targets (layouts in {@link BatchShape}).
 *
 * @param counts particle counts as floats, the network input
 * @param targets {@code R[c][direction][x]}: r times the summed per-axis kernel ratios of the
 *          particles now at x, i.e. the expected total reverse rate out of x in that direction
 * @param timeIndex the time index k of each batch item
 * @param networkTime the network time input k/(T-1) of each item
 */
public record NoisedBatch(BatchShape shape, float[] counts, float[] targets, int[] timeIndex,
	double[] networkTime)
{}
