package org.physgen.model.ldsm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.physgen.ldsm.Tilt;

/**
 * The tilt h of each channel of the phase encoding for given phase fractions (one tilt per channel:
 * the binary channel's upper well is phase 1, channel c of P one-hot channels has the fraction of
 * phase c), fractions clamped to [{@link Tilt#LIMIT}, 1 − LIMIT]. Solved tilts are kept by fraction,
 * since training crops repeat the same few hundred fractions.
 */
final class ChannelTilts {

	private final double barrier;
	private final Map<Double, Double> solved = new ConcurrentHashMap<>();

	ChannelTilts(final double barrier) {
		this.barrier = barrier;
	}

	/** @param fractions fractions of phases 1..P-1 */
	double[] of(final double[] fractions) {
		final double[] channel = Tilt.channelFractions(fractions);
		final double[] tilts = new double[channel.length];
		for (int c = 0; c < channel.length; c++) {
			tilts[c] = solved.computeIfAbsent(channel[c], f -> Tilt.forClampedFraction(barrier, f));
		}
		return tilts;
	}

	/** Tilts for exact counts of phases 0..P-1. */
	double[] ofCounts(final long[] counts) {
		long voxels = 0;
		for (final long c : counts) voxels += c;
		final double[] fractions = new double[counts.length - 1];
		for (int p = 1; p < counts.length; p++) fractions[p - 1] = counts[p] / (double) voxels;
		return of(fractions);
	}
}
