package org.physgen.model;

import org.physgen.pfgm.InjectedError;

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
 * @param tolerance DSD CFL tolerance where structure forms, in (0, 1], or 0 for the model's
 *          recorded tolerance (ignored by PFGM++)
 * @param steps PFGM++ noise levels n (2n-1 network evaluations), or local-DSM time steps (2n-1
 *          evaluations with the ODE sampler, n with the SDE), at least 2, or 0 for the model's
 *          recorded steps (ignored by DSD)
 * @param stepFraction DSD steps may span this fraction of the remaining time while the rates are
 *          near the forward rate (see {@code Tolerance.geometric}); 0 keeps the plain CFL tolerance
 *          at every time, which needs about 6r / tolerance network evaluations
 * @param sharpening DSD power γ on the learned rate ratios while structure forms (forward time
 *          r·t ≥ 1; see {@code dsd.SharpenedRates}): 1 samples the model as trained, larger values
 *          sample its tempered, sharper marginals (ignored by PFGM++)
 * @param networkError PFGM++ injected network error ε ≥ 0 (SPEC §5, {@code pfgm.InjectedError}): the
 *          sampler sees D + ε·‖D‖/√N·ξ instead of the network's estimate D; 0, the default, samples
 *          the network as it is. For robustness benchmarks, not for making volumes (ignored by DSD)
 * @param frames growth frames F per volume, 0 for none ({@link #NO_FRAMES}) or at least 2: the
 *          volume growing from the empty box at F equally spaced reverse times from t = 1 to t = 0
 *          ({@link GrowthSeries}); only families that grow volumes record them
 *          ({@link GenerativeModel#recordsGrowth()}), the others refuse frames above 0
 */
public record GenerationRequest(int count, int sizeX, int sizeY, int sizeZ,
	TargetFractions targets, long seed, int batchSize, double tolerance, int steps,
	double stepFraction, double sharpening, double networkError, int frames)
{

	/** {@link #frames}: no growth frames. */
	public static final int NO_FRAMES = 0;

	/** The tolerance or steps that the model file records. */
	public static final int MODEL_SETTING = 0;
	public static final double DEFAULT_STEP_FRACTION = 0.05;
	/**
	 * Default {@link #sharpening}: with it the sample DSD model's volumes match the rock's
	 * two-point correlation and surface (benchmarks/RESULTS.md, "Does a DSD model learn?").
	 */
	public static final double DEFAULT_SHARPENING = 2;

	public GenerationRequest {
		if (count < 1) throw new IllegalArgumentException("count must be at least 1, got " + count);
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
			throw new IllegalArgumentException("size must be positive, got " + sizeX + " x " + sizeY +
				" x " + sizeZ);
		}
		if (batchSize < 1) {
			throw new IllegalArgumentException("batch must be at least 1, got " + batchSize);
		}
		requireTolerance(tolerance);
		if (steps < 2 && steps != MODEL_SETTING) {
			throw new IllegalArgumentException("steps must be at least 2, got " + steps);
		}
		requireStepFraction(stepFraction);
		requireSharpening(sharpening);
		InjectedError.requireEpsilon(networkError);
		requireFrames(frames);
	}

	/**
	 * @throws IllegalArgumentException naming {@code frames} and its value unless it is 0 or at
	 *           least 2
	 */
	public static void requireFrames(final int frames) {
		if (frames < 0 || frames == 1) {
			throw new IllegalArgumentException("frames must be 0 (no growth frames) or at least 2 (the empty box at"
				+ " t = 1 and the volume at t = 0), got " + frames);
		}
	}

	/** @throws IllegalArgumentException naming {@code tolerance} unless it is in (0, 1] or 0 */
	public static void requireTolerance(final double tolerance) {
		if (!(tolerance > 0 && tolerance <= 1) && tolerance != MODEL_SETTING) {
			throw new IllegalArgumentException("tolerance must be in (0, 1], or 0 for the model's, got " +
				tolerance);
		}
	}

	/** @throws IllegalArgumentException naming {@code step_fraction} unless it is in [0, 1) */
	public static void requireStepFraction(final double stepFraction) {
		if (!(stepFraction >= 0 && stepFraction < 1)) {
			throw new IllegalArgumentException("step_fraction must be in [0, 1), got " + stepFraction);
		}
	}

	/** @throws IllegalArgumentException naming {@code sharpening} unless it is in [1, 10] */
	public static void requireSharpening(final double sharpening) {
		if (!(sharpening >= 1 && sharpening <= 10)) {
			throw new IllegalArgumentException("sharpening must be in [1, 10], got " + sharpening);
		}
	}

	/** A request without growth frames. */
	public GenerationRequest(final int count, final int sizeX, final int sizeY, final int sizeZ,
		final TargetFractions targets, final long seed, final int batchSize, final double tolerance,
		final int steps, final double stepFraction, final double sharpening, final double networkError)
	{
		this(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps, stepFraction, sharpening,
			networkError, NO_FRAMES);
	}

	/** A request without injected network error. */
	public GenerationRequest(final int count, final int sizeX, final int sizeY, final int sizeZ,
		final TargetFractions targets, final long seed, final int batchSize, final double tolerance,
		final int steps, final double stepFraction, final double sharpening)
	{
		this(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps, stepFraction, sharpening, 0);
	}

	/** A request with the default DSD step fraction. */
	public GenerationRequest(final int count, final int sizeX, final int sizeY, final int sizeZ,
		final TargetFractions targets, final long seed, final int batchSize, final double tolerance,
		final int steps)
	{
		this(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps,
			DEFAULT_STEP_FRACTION, DEFAULT_SHARPENING);
	}

	/** A request with the default DSD sharpening. */
	public GenerationRequest(final int count, final int sizeX, final int sizeY, final int sizeZ,
		final TargetFractions targets, final long seed, final int batchSize, final double tolerance,
		final int steps, final double stepFraction)
	{
		this(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps, stepFraction,
			DEFAULT_SHARPENING);
	}

	/** A cube of the given size with the model's sampler settings, one volume per network call. */
	public static GenerationRequest cube(final int count, final int size,
		final TargetFractions targets, final long seed)
	{
		return new GenerationRequest(count, size, size, size, targets, seed, 1, MODEL_SETTING,
			MODEL_SETTING, DEFAULT_STEP_FRACTION, DEFAULT_SHARPENING);
	}

	/** The same request with another batch size, PFGM++ steps (0: the model's) and injected network error. */
	public GenerationRequest withSampling(final int newBatchSize, final int newSteps, final double newNetworkError) {
		return new GenerationRequest(count, sizeX, sizeY, sizeZ, targets, seed, newBatchSize, tolerance, newSteps,
			stepFraction, sharpening, newNetworkError, frames);
	}

	/** The same request with another DSD sharpening γ. */
	public GenerationRequest withSharpening(final double newSharpening) {
		return new GenerationRequest(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps,
			stepFraction, newSharpening, networkError, frames);
	}

	/** The same request with another number of growth frames (0: none). */
	public GenerationRequest withFrames(final int newFrames) {
		return new GenerationRequest(count, sizeX, sizeY, sizeZ, targets, seed, batchSize, tolerance, steps,
			stepFraction, sharpening, networkError, newFrames);
	}

	public long voxels() {
		return (long) sizeX * sizeY * sizeZ;
	}
}
