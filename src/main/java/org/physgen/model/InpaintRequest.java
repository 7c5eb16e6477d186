package org.physgen.model;

import org.physgen.volume.LabelVolume;

/**
 * A region of a volume to regenerate with a DSD model; everything outside it stays frozen.
 *
 * @param volume the volume (phase indices as in the model's phase table); not modified
 * @param mask one array per z slice, non-zero where voxels are regenerated
 * @param regionCounts phase voxel counts the region gets, or null to keep its current counts
 * @param seed seed
 * @param tolerance CFL tolerance where structure forms, in (0, 1], or 0 for the model's recorded
 *          tolerance
 * @param stepFraction largest step as a fraction of the remaining time in the mixed regime (see
 *          {@link GenerationRequest#stepFraction()})
 * @param sharpening power on the learned rate ratios while structure forms (see
 *          {@link GenerationRequest#sharpening()})
 */
public record InpaintRequest(LabelVolume volume, byte[][] mask, long[] regionCounts, long seed,
	double tolerance, double stepFraction, double sharpening)
{

	public InpaintRequest {
		GenerationRequest.requireTolerance(tolerance);
		GenerationRequest.requireStepFraction(stepFraction);
		GenerationRequest.requireSharpening(sharpening);
	}

	/** A request with the default step fraction. */
	public InpaintRequest(final LabelVolume volume, final byte[][] mask, final long[] regionCounts,
		final long seed, final double tolerance)
	{
		this(volume, mask, regionCounts, seed, tolerance, GenerationRequest.DEFAULT_STEP_FRACTION,
			GenerationRequest.DEFAULT_SHARPENING);
	}
}
