package org.physgen.metrics;

/**
 * Local thickness of one phase, radius convention, volume-weighted. With dt the Euclidean distance
 * transform of the phase ({@link DistanceTransform}), for each integer r from floor(max dt) down to
 * 1 the seeds are the voxels with dt &gt;= r, and every phase voxel not yet assigned whose distance to
 * the nearest seed is below r gets thickness r. Every phase voxel ends with a thickness between 1 and
 * floor(max dt).
 *
 * @param phase the phase measured
 * @param phaseVoxels number of voxels of the phase
 * @param fractionByRadius element r - 1 is the fraction of the phase voxels with thickness r
 * @param meanThickness mean thickness r over the phase voxels (NaN for an absent phase)
 * @param maxDistance max dt
 */
public record ThicknessDistribution(int phase, long phaseVoxels, double[] fractionByRadius,
	double meanThickness, double maxDistance)
{

	public ThicknessDistribution {
		fractionByRadius = fractionByRadius.clone();
	}

	@Override
	public double[] fractionByRadius() {
		return fractionByRadius.clone();
	}

	/** Fraction of the phase voxels with thickness r (0 outside 1..floor(max dt)). */
	public double fraction(final int r) {
		return r >= 1 && r <= fractionByRadius.length ? fractionByRadius[r - 1] : 0;
	}

	public String definition() {
		return "local thickness (radius convention, volume-weighted) of phase " + phase + ": dt = Euclidean"
			+ " distance to another phase; for r = floor(max dt) down to 1, unassigned phase voxels closer"
			+ " than r to a voxel with dt >= r get thickness r; distribution = fraction of phase voxels"
			+ " per r";
	}
}
