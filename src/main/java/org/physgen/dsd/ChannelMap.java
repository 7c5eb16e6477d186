package org.physgen.dsd;

import java.util.Arrays;

/**
 * Which phase each DSD channel counts. P phases give P-1 channels in increasing phase order; the
 * remaining phase (the majority phase, chosen by {@link #forCounts}) is implied as the voxels no
 * particle occupies. Binary media thus have one channel, holding the minority phase.
 */
public final class ChannelMap {

	private final int phases;
	private final int impliedPhase;
	private final int[] channelPhase;
	private final int[] phaseChannel;

	public ChannelMap(final int phases, final int impliedPhase) {
		if (phases < 2 || phases > 8) {
			throw new IllegalArgumentException("DSD needs 2..8 phases, got " + phases);
		}
		if (impliedPhase < 0 || impliedPhase >= phases) {
			throw new IllegalArgumentException("implied phase " + impliedPhase + " is not a phase");
		}
		this.phases = phases;
		this.impliedPhase = impliedPhase;
		channelPhase = new int[phases - 1];
		phaseChannel = new int[phases];
		Arrays.fill(phaseChannel, -1);
		int c = 0;
		for (int p = 0; p < phases; p++) {
			if (p == impliedPhase) continue;
			channelPhase[c] = p;
			phaseChannel[p] = c++;
		}
	}

	/** Channels for the given per-phase voxel counts, implying the most frequent phase. */
	public static ChannelMap forCounts(final long[] phaseCounts) {
		int majority = 0;
		for (int p = 1; p < phaseCounts.length; p++) {
			if (phaseCounts[p] > phaseCounts[majority]) majority = p;
		}
		return new ChannelMap(phaseCounts.length, majority);
	}

	/**
	 * Channels for mean phase fractions, implying the most frequent phase; phase 0 when the
	 * fractions are unknown.
	 *
	 * @param meanFractions mean fractions of phases 1..P-1 (phase 0 has the rest), or null
	 */
	public static ChannelMap forMeanFractions(final int phases, final double[] meanFractions) {
		if (meanFractions == null) return new ChannelMap(phases, 0);
		final long[] scaled = new long[phases];
		double rest = 1;
		for (int p = 1; p < phases; p++) {
			scaled[p] = Math.round(meanFractions[p - 1] * 1e9);
			rest -= meanFractions[p - 1];
		}
		scaled[0] = Math.round(rest * 1e9);
		return forCounts(scaled);
	}

	public int phases() {
		return phases;
	}

	public int channels() {
		return phases - 1;
	}

	public int impliedPhase() {
		return impliedPhase;
	}

	public int phaseOf(final int channel) {
		return channelPhase[channel];
	}

	/** Channel holding the given phase, or -1 for the implied phase. */
	public int channelOf(final int phase) {
		return phaseChannel[phase];
	}
}
