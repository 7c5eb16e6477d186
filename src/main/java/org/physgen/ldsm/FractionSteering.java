package org.physgen.ldsm;

import java.util.Arrays;

import org.physgen.pfgm.Blocks;
import org.physgen.pfgm.VolumeShape;

/**
 * Per-step steering of the local-DSM sampler towards the target phase fractions (SPEC §12,
 * "optional steering"): after every step, each channel of each sample is shifted by one constant so
 * that round(φ_c·N) of its N values lie above 0, the top of the barrier between the wells, where φ_c
 * is the channel's target fraction of the upper well. The shift puts 0 halfway between the two
 * values that straddle that rank, so ties aside the count is exact. The prior already has these
 * fractions in expectation, so early shifts are of the order of the sampling noise; later they undo
 * a drift of the learned score between the wells, which the final projection would otherwise have to
 * undo voxel by voxel.
 */
public final class FractionSteering {

	private final double[] channelFractions;

	/**
	 * @param channelFractions per channel the fraction of values to keep above 0, each in [0, 1]
	 * @throws IllegalArgumentException naming the channel and the value
	 */
	public FractionSteering(final double[] channelFractions) {
		for (int c = 0; c < channelFractions.length; c++) {
			if (!(channelFractions[c] >= 0 && channelFractions[c] <= 1)) {
				throw new IllegalArgumentException("the fraction of channel " + c + " must be in [0, 1], got "
					+ channelFractions[c]);
			}
		}
		this.channelFractions = channelFractions.clone();
	}

	/** Steering towards exact counts of phases 0..P-1 (one channel for two phases, P otherwise). */
	public static FractionSteering toward(final long[] counts) {
		long voxels = 0;
		for (final long c : counts) voxels += c;
		final double[] fractions = new double[counts.length - 1];
		for (int p = 1; p < counts.length; p++) fractions[p - 1] = counts[p] / (double) voxels;
		return new FractionSteering(Tilt.channelFractions(fractions));
	}

	/** Shifts each channel of every sample in place. */
	void apply(final VolumeShape shape, final float[][] y) {
		if (shape.channels() != channelFractions.length) {
			throw new IllegalArgumentException("steering has " + channelFractions.length + " channel fractions, the "
				+ "samples have " + shape.channels() + " channels");
		}
		final int voxels = shape.voxels();
		for (final float[] sample : y) {
			for (int c = 0; c < channelFractions.length; c++) {
				final int from = c * voxels;
				final float shift = shiftFor(Arrays.copyOfRange(sample, from, from + voxels), channelFractions[c]);
				Blocks.forEach(1, voxels, (unused, block, start, end) -> {
					for (int k = from + start; k < from + end; k++) sample[k] += shift;
				});
			}
		}
	}

	/** The shift that leaves round(fraction·n) of the values above 0; sorts {@code values}. */
	static float shiftFor(final float[] values, final double fraction) {
		Arrays.sort(values);
		final int n = values.length;
		final int above = (int) Math.round(fraction * n);
		if (above == 0) return Math.nextDown(-values[n - 1]);
		if (above == n) return Math.nextUp(-values[0]);
		return -0.5f * (values[n - above - 1] + values[n - above]);
	}

	@Override
	public String toString() {
		return "fraction steering towards " + Arrays.toString(channelFractions);
	}
}
