package org.physgen.dsd;

/**
 * Result of a sampling run.
 *
 * @param counts final counts {@code counts[b][c][v]}
 * @param evaluations number of rate-model (network) evaluations
 */
public record SampledCounts(int[][][] counts, int evaluations) {}
