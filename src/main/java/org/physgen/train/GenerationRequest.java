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
 * @param tolerance DSD CFL tolerance where structure forms (ignored by PFGM++)
 * @param steps PFGM++ noise levels n (2n-1 network evaluations; ignored by DSD)
 * @param stepFraction DSD steps may span this fraction of the remaining time while the rates are
 *          near the forward rate (see {@code Tolerance.geometric}); 0 keeps the plain CFL tolerance
 *          at every time, which needs about 6r / tolerance network evaluations
 */
public record GenerationRequest(int count, int sizeX, int sizeY, int sizeZ,
	TargetFractions targets, long seed, int batchSize, double tolerance, int steps,
	double stepFraction)
{

	public static final double DEFAULT_TOLERANCE = 0.1;
	public static final int DEFAULT_STEPS = 18;
	public static final double DEFAULT_STEP_FRACTION = 0.05;

	public GenerationRequest {
		if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
			throw new IllegalArgumentException("size must be positive, got " + sizeX + " x " + sizeY +
				" x " + sizeZ);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch must be at least 1, got " + batchSize);
		}
		if (!(tolerance > 0 && tolerance <= 1)) {
			throw new IllegalArgumentException("tolerance must be in (0, 1], got " + tolerance);
		}
		if (steps < 2) throw new IllegalArgumentException("steps must be at least 2, got " + steps);
		if (!(stepFraction >= 0 && stepFraction < 1)) {
			throw new IllegalArgumentException("step_fraction must be in [0, 1), got " + stepFraction);
		}
	}

	/** A request with the default DSD step fraction. */
	public GenerationRequest(final int count, final int sizeX, final int sizeY, final int sizeZ,
		final TargetFractions targets, final long seed, final int batchSize, final double tolerance,
		final int steps)
	{
		this(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps,
			DEFAULT_STEP_FRACTION);
	}

	/** A cube of the given size with default sampler settings, one volume per network call. */
	public static GenerationRequest cube(final int count, final int size,
		final TargetFractions targets, final long seed)
	{
		return new GenerationRequest(count, size, size, size, targets, seed, 1, DEFAULT_TOLERANCE,
			DEFAULT_STEPS, DEFAULT_STEP_FRACTION);
	}

	public long voxels() {
		return (long) sizeX * sizeY * sizeZ;
	}
}
