package org.physgen.dsd;

/**
 * Shape of a batch of DSD states. Arrays are flat and channel-major like an NCDHW tensor:
 * counts at {@code (b * channels + c) * voxels + v} and per-direction values (rates, targets) at
 * {@code ((b * channels + c) * 6 + direction) * voxels + v}, with v the {@link Grid} index.
 */
public record BatchShape(int batch, int channels, Grid grid) {

	public BatchShape {
		if (batch < 1 || channels < 1) {
			throw new IllegalArgumentException("batch and channels must be positive");
		}
	}

	public int voxels() {
		return grid.voxels();
	}

	/** Length of a counts array. */
	public int countsLength() {
		return batch * channels * grid.voxels();
	}

	/** Length of a rates or targets array. */
	public int ratesLength() {
		return countsLength() * Direction.COUNT;
	}

	public int countsOffset(final int b, final int c) {
		return (b * channels + c) * grid.voxels();
	}

	public int ratesOffset(final int b, final int c, final Direction d) {
		return ((b * channels + c) * Direction.COUNT + d.ordinal()) * grid.voxels();
	}
}
