package org.physgen.metrics.report;

/** Size of a volume in voxels along x, y and z. */
public record GridSize(int x, int y, int z) {

	@Override
	public String toString() {
		return x + " x " + y + " x " + z;
	}
}
