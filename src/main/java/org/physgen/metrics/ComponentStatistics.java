package org.physgen.metrics;

/**
 * Clusters of one phase: maximal sets of phase voxels connected through neighbours of the given
 * connectivity. A cluster spans an axis when it touches both faces of the volume normal to that axis;
 * the spanning fractions are the voxels in such clusters divided by all voxels of the phase.
 *
 * @param phase the phase measured
 * @param connectivity 6 (faces) or 26 (faces, edges, corners)
 * @param phaseVoxels number of voxels of the phase
 * @param componentCount number of clusters
 * @param largestComponent voxels in the largest cluster
 * @param spanningFractionX fraction of the phase in clusters touching x = 0 and x = sizeX - 1
 * @param spanningFractionY the same along y
 * @param spanningFractionZ the same along z
 */
public record ComponentStatistics(int phase, Connectivity connectivity, long phaseVoxels,
	int componentCount, long largestComponent, double spanningFractionX, double spanningFractionY,
	double spanningFractionZ)
{

	/** Spanning fraction along axis 0 (x), 1 (y) or 2 (z). */
	public double spanningFraction(final int axis) {
		FlatIndex.checkAxis(axis);
		return axis == 0 ? spanningFractionX : axis == 1 ? spanningFractionY : spanningFractionZ;
	}

	public String definition() {
		return "connected components of phase " + phase + " with " + connectivity.neighbours()
			+ "-connectivity; spanning fraction along an axis = share of the phase's voxels in clusters"
			+ " touching both faces normal to that axis";
	}
}
