package org.physgen.metrics;

/**
 * Euclidean distance of each voxel of a phase to the nearest voxel of another phase, in voxel units
 * (see {@link DistanceTransform}).
 *
 * @param phase the phase measured
 * @param distances one value per voxel, index x + y * sizeX + z * sizeX * sizeY; 0 outside the
 *          phase, at least 1 inside it, +infinity when the phase fills the volume
 * @param maxDistance the largest distance (0 for an absent phase)
 */
public record DistanceMap(int phase, int sizeX, int sizeY, int sizeZ, float[] distances,
	double maxDistance)
{

	public float distance(final int x, final int y, final int z) {
		return distances[x + sizeX * (y + sizeY * z)];
	}

	public String definition() {
		return "Euclidean distance transform: distance (voxels) from each voxel of phase " + phase
			+ " to the centre of the nearest voxel of another phase; 1 next to another phase; the volume"
			+ " border is not a boundary";
	}
}
