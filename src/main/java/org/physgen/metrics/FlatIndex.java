package org.physgen.metrics;

import org.physgen.volume.LabelVolume;

/** Whole volumes as flat arrays indexed x + y * sizeX + z * sizeX * sizeY. */
final class FlatIndex {

	private FlatIndex() {}

	/** The voxel count as an array length, refused when a flat array cannot hold the volume. */
	static int voxelCount(final LabelVolume volume) {
		final long n = volume.voxelCount();
		if (n > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("volume of " + volume.sizeX() + " x " + volume.sizeY()
				+ " x " + volume.sizeZ() + " voxels is too large for this metric (at most 2^31 voxels)");
		}
		return (int) n;
	}

	static void checkPhase(final LabelVolume volume, final int phase) {
		final int phases = volume.phases().phaseCount();
		if (phase < 0 || phase >= phases) {
			throw new IllegalArgumentException("phase " + phase + " does not exist; the volume has phases 0.."
				+ (phases - 1));
		}
	}

	static void checkAxis(final int axis) {
		if (axis < 0 || axis > 2) {
			throw new IllegalArgumentException("axis must be 0 (x), 1 (y) or 2 (z), got " + axis);
		}
	}

	static String axisName(final int axis) {
		return String.valueOf("xyz".charAt(axis));
	}
}
