package org.physgen.pfgm;

import java.util.Arrays;

/**
 * Per-step exact-mass steering: shifts every channel of a denoised estimate by a constant so that
 * its mean equals the mean of the {@link PhaseEncoding} of the target counts. The sampler applies
 * it to every denoiser output, so the trajectory is drawn towards data with the requested phase
 * fractions and the final projection has less to change.
 */
public final class MeanSteering {

	private final double[] channelMeans;

	public MeanSteering(final double[] channelMeans) {
		this.channelMeans = channelMeans.clone();
	}

	/** Steering towards voxel counts of phases 0..P-1. */
	public static MeanSteering toward(final long[] targets) {
		return new MeanSteering(PhaseEncoding.targetMeans(targets));
	}

	/** Shifts each channel of every sample in place. */
	void apply(final VolumeShape shape, final float[][] denoised) {
		if (shape.channels() != channelMeans.length) {
			throw new IllegalArgumentException("steering has " + channelMeans.length
				+ " channel means, the samples have " + shape.channels() + " channels");
		}
		final int voxels = shape.voxels();
		for (final float[] sample : denoised) {
			for (int c = 0; c < channelMeans.length; c++) {
				final int from = c * voxels;
				final float shift = (float) (channelMeans[c] - Blocks.sum(sample, from, from + voxels)
					/ voxels);
				Blocks.forEach(1, voxels, (unused, block, start, end) -> {
					for (int k = from + start; k < from + end; k++) sample[k] += shift;
				});
			}
		}
	}

	@Override
	public String toString() {
		return "mean steering towards " + Arrays.toString(channelMeans);
	}
}
