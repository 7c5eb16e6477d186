package org.physgen.volume;

import java.util.Locale;

/**
 * Physical size of one voxel along x, y and z, with its unit (for example 0.5, 0.5, 0.5 "µm").
 * Travels with a label volume from the input file into model files and onto every generated volume.
 */
public record VoxelSize(double x, double y, double z, String unit) {

	/** One "pixel" per voxel: what ImageJ assumes when a file carries no calibration. */
	public static final VoxelSize DEFAULT = new VoxelSize(1, 1, 1, "pixel");

	public VoxelSize {
		requirePositive("voxel size x", x);
		requirePositive("voxel size y", y);
		requirePositive("voxel size z", z);
		if (unit == null || unit.isBlank()) unit = "pixel";
	}

	/** Isotropic voxel of edge {@code size}. */
	public static VoxelSize isotropic(final double size, final String unit) {
		return new VoxelSize(size, size, size, unit);
	}

	private static void requirePositive(final String name, final double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException(name + " must be a positive finite number, got " + value);
		}
	}

	@Override
	public String toString() {
		return String.format(Locale.ROOT, "%g x %g x %g %s", x, y, z, unit);
	}
}
