package org.physgen.metrics;

import java.util.Locale;

import org.physgen.volume.VoxelSize;

/**
 * Turns voxel lengths into the units of a calibrated volume: along each axis by that axis's voxel
 * size, with the calibration's unit; an uncalibrated volume (unit "pixel") keeps lengths in voxels.
 * Quantities that mix the axes (local thickness, radial S2) are converted only when the voxels are
 * cubes, since a distance in voxels has no single physical length otherwise.
 */
final class LengthScale {

	private static final double SAME = 1e-9;

	private final VoxelSize voxelSize;
	private final boolean calibrated;
	private final double[] spacing;

	LengthScale(final VoxelSize voxelSize) {
		this.voxelSize = voxelSize;
		final String unit = voxelSize.unit().trim().toLowerCase(Locale.ROOT);
		calibrated = !(unit.equals("pixel") || unit.equals("pixels"));
		spacing = calibrated ? new double[] { voxelSize.x(), voxelSize.y(), voxelSize.z() } : new double[] { 1, 1, 1 };
	}

	/** Length of one voxel step along the axis, in {@link #unit()}. */
	double spacing(final int axis) {
		return spacing[axis];
	}

	double[] spacings() {
		return spacing.clone();
	}

	/** Whether the voxel size differs between axes (by more than 1 part in 1e9). */
	boolean anisotropic() {
		final double x = voxelSize.x(), y = voxelSize.y(), z = voxelSize.z();
		final double largest = Math.max(x, Math.max(y, z)), smallest = Math.min(x, Math.min(y, z));
		return largest - smallest > SAME * largest;
	}

	/** Length of one voxel for quantities without a direction; NaN when the voxels are not cubes. */
	double isotropicSpacing() {
		if (!calibrated) return 1;
		return anisotropic() ? Double.NaN : spacing[0];
	}

	/** Unit of lengths along an axis: the calibration's, or "voxels". */
	String unit() {
		return calibrated ? voxelSize.unit() : "voxels";
	}

	/** Unit of a length without a direction: {@link #unit()} for cubic voxels, else "voxels". */
	String isotropicUnit() {
		return Double.isNaN(isotropicSpacing()) ? "voxels" : unit();
	}

	/** Unit of a surface per volume. */
	String perLength() {
		return calibrated ? "1/" + voxelSize.unit() : "1/voxel";
	}

	/** Unit of a count per volume. */
	String perVolume() {
		return calibrated ? "1/" + voxelSize.unit() + "^3" : "1/voxel";
	}

	/** Volume of one voxel in {@link #unit()} cubed (1 uncalibrated). */
	double voxelVolume() {
		return spacing[0] * spacing[1] * spacing[2];
	}

	/** The calibration and, for anisotropic voxels, what that means for each metric. */
	String description() {
		final String units = calibrated ? "lengths in " + voxelSize.unit() + ", surfaces in " + perLength()
			: "uncalibrated: lengths in voxels";
		return "voxel size " + voxelSize + "; " + units;
	}

	/** A warning for anisotropic voxels, or null. */
	String warning() {
		if (!anisotropic()) return null;
		if (!calibrated) {
			return "voxels are anisotropic (" + voxelSize + ") but have no unit: all lengths are in voxels, which"
				+ " differ between axes";
		}
		return "voxels are anisotropic (" + voxelSize + "): lengths along an axis (chords, lineal path, directional"
			+ " S2) use that axis's voxel size and surfaces are in " + perLength() + "; local thickness and radial S2"
			+ " stay in voxels, and tortuosity treats the voxels as cubes";
	}
}
