package org.physgen.pfgm;

/**
 * Shape of one sample as the sampler and {@link Denoiser} see it: {@code channels} channels of a
 * {@code sizeX x sizeY x sizeZ} volume in one flat float array, channel-major, then z, y, x (x
 * fastest): element (c, x, y, z) is at {@code c * voxels + z * sizeX * sizeY + y * sizeX + x}.
 */
public record VolumeShape(int channels, int sizeX, int sizeY, int sizeZ) {

	public VolumeShape {
		if (channels < 1 || sizeX < 1 || sizeY < 1 || sizeZ < 1) {
			throw new IllegalArgumentException("shape needs at least 1 channel and 1 voxel per axis, got "
				+ channels + " x " + sizeX + " x " + sizeY + " x " + sizeZ);
		}
		if ((long) channels * sizeX * sizeY * sizeZ > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(channels + " channels of " + sizeX + " x " + sizeY + " x "
				+ sizeZ + " voxels do not fit in one array (at most 2^31 values per sample)");
		}
	}

	/** Shape of the phase encoding of a P-phase volume: one channel when P = 2, else P. */
	public static VolumeShape forPhases(final int phases, final int sizeX, final int sizeY,
		final int sizeZ)
	{
		return new VolumeShape(PhaseEncoding.channels(phases), sizeX, sizeY, sizeZ);
	}

	/** Number of phases this shape encodes (the inverse of {@link #forPhases}). */
	public int phases() {
		return channels == 1 ? 2 : channels;
	}

	public int sliceLength() {
		return sizeX * sizeY;
	}

	public int voxels() {
		return sizeX * sizeY * sizeZ;
	}

	/** Values per sample: channels times voxels. */
	public int length() {
		return channels * voxels();
	}
}
