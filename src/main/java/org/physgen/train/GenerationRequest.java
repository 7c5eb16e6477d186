package org.physgen.train;

/**
 * What to generate.
 *
 * @param count number of volumes
 * @param sizeX size along x (each size must be a multiple of the model's size multiple)
 * @param sizeY size along y
 * @param sizeZ size along z (slices)
 * @param targets phase fractions; counts are exact
 * @param seed seed; the same seed gives the same volumes on CPU
 * @param batchSize volumes sampled per network call
 * @param tolerance DSD CFL tolerance (ignored by PFGM++)
 * @param steps PFGM++ noise levels n (2n-1 network evaluations; ignored by DSD)
 */
public record GenerationRequest(int count, int sizeX, int sizeY, int sizeZ,
	TargetFractions targets, long seed, int batchSize, double tolerance, int steps)
{

	public static final double DEFAULT_TOLERANCE = 0.1;
	public static final int DEFAULT_STEPS = 18;

	public GenerationRequest {
		if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
			throw new IllegalArgumentException("size must be positive, got " + sizeX + " x " + sizeY +
				" x " + sizeZ);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
		}
		if (!(tolerance > 0 && tolerance <= 1)) {
			throw new IllegalArgumentException("tolerance must be in (0, 1], got " + tolerance);
		}
		if (steps < 2) throw new IllegalArgumentException("steps must be at least 2, got " + steps);
	}

	/** A cube of the given size with default sampler settings, one volume per network call. */
	public static GenerationRequest cube(final int count, final int size,
		final TargetFractions targets, final long seed)
	{
		return new GenerationRequest(count, size, size, size, targets, seed, 1, DEFAULT_TOLERANCE,
			DEFAULT_STEPS);
	}

	public long voxels() {
		return (long) sizeX * sizeY * sizeZ;
	}
}
