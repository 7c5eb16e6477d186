package org.physgen.metrics;

import org.physgen.volume.LabelVolume;

/**
 * Exact voxel count of each phase and its volume fraction {@code counts[p] / voxelCount} over the
 * whole volume.
 *
 * @param counts voxels of each phase, indexed by phase
 * @param voxelCount voxels of the whole volume
 */
public record PhaseFractions(long[] counts, long voxelCount) {

	public PhaseFractions {
		counts = counts.clone();
	}

	public static PhaseFractions of(final LabelVolume volume) {
		return new PhaseFractions(volume.phaseCounts(), volume.voxelCount());
	}

	@Override
	public long[] counts() {
		return counts.clone();
	}

	public long count(final int phase) {
		return counts[phase];
	}

	public double fraction(final int phase) {
		return counts[phase] / (double) voxelCount;
	}

	public static String definition() {
		return "volume fraction = voxels of the phase / voxels of the whole volume (exact counts)";
	}
}
