package org.physgen.model;

import java.nio.file.Path;
import java.util.List;

import org.physgen.nn.ModelFamily;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/** A loaded model of either family, ready to generate volumes. Close it to free native memory. */
public interface GenerativeModel extends AutoCloseable {

	ModelFamily family();

	Path file();

	PhaseTable phases();

	VoxelSize voxelSize();

	/** Edge length of the training crops. */
	int cropSize();

	/** Generated sizes must be multiples of this. */
	int sizeMultiple();

	/**
	 * Checks one edge length of a volume to generate or inpaint: at least 1 and a multiple of
	 * {@link #sizeMultiple()}.
	 *
	 * @param parameter the name the caller knows the size by, for the message
	 * @throws IllegalArgumentException naming the parameter and the nearest sizes that fit
	 */
	default void requireSize(final String parameter, final int size) {
		if (size < 1) throw new IllegalArgumentException(parameter + " must be at least 1, got " + size);
		final int multiple = sizeMultiple();
		if (size % multiple != 0) {
			final int lower = size / multiple * multiple;
			throw new IllegalArgumentException(parameter + " = " + size + " is not a multiple of " + multiple
				+ ", the size multiple of this model's network; use " + (lower > 0 ? lower + " or " : "")
				+ (lower + multiple));
		}
	}

	/**
	 * Checks explicit target fractions against the model before any work: one per phase 1..P-1,
	 * giving every phase a voxel ({@link org.physgen.mass.PhaseCounts#fromFractions}); the training
	 * mean and sampled fractions need no check.
	 *
	 * @param voxels voxels of each volume
	 * @throws IllegalArgumentException naming {@code fractions}
	 */
	default void requireTargets(final TargetFractions targets, final long voxels) {
		GenerationTargets.check(targets, phases(), voxels);
	}

	/** Mean phase fractions of phases 1..P-1 over the training crops. */
	double[] trainingFractions();

	/**
	 * Generates volumes whose phase counts are exactly the requested ones. Growth frames the request
	 * asks for are not returned (see {@link #generateWithGrowth}); a family that cannot record them
	 * refuses the request.
	 *
	 * @throws IllegalArgumentException naming the parameter for a bad size or impossible fractions, or
	 *           {@code frames} above 0 for a family that cannot record growth ({@link #requireFrames})
	 * @throws java.util.concurrent.CancellationException when the listener cancels
	 */
	List<LabelVolume> generate(GenerationRequest request, GenerationListener listener);

	/**
	 * Generates volumes as {@link #generate} does and, when {@code request.frames()} is above 0,
	 * the growth of each volume from the empty box ({@link GrowthSeries}); the volumes are the same
	 * as without frames. Each growth frame costs one byte per voxel of heap until the run ends.
	 *
	 * @throws IllegalArgumentException as {@link #generate}, before any work
	 */
	default GeneratedVolumes generateWithGrowth(final GenerationRequest request, final GenerationListener listener) {
		requireFrames(request.frames());
		return new GeneratedVolumes(generate(request, listener), List.of());
	}

	/** Whether this family grows volumes from an empty box and can record their growth frames. */
	default boolean recordsGrowth() {
		return false;
	}

	/**
	 * Checks a number of growth frames before any work.
	 *
	 * @throws IllegalArgumentException naming {@code frames} and its value when it is 1 or negative,
	 *           or above 0 for a family that cannot record growth (naming the family)
	 */
	default void requireFrames(final int frames) {
		GenerationRequest.requireFrames(frames);
		if (frames > 0 && !recordsGrowth()) {
			throw new IllegalArgumentException("frames = " + frames + ": " + family().displayName() + " models do not "
				+ "grow a volume from an empty box, so there is no growth to record; only Yukawa models can (use "
				+ "frames = 0 with this model)");
		}
	}

	/**
	 * Regenerates a masked region, keeping everything outside it.
	 *
	 * @throws IllegalArgumentException for a family that cannot inpaint (see {@link #canInpaint()})
	 */
	LabelVolume inpaint(InpaintRequest request, GenerationListener listener);

	/** Whether {@link #inpaint} works for this model's family. */
	boolean canInpaint();

	/** One line about the model: family, phases, crop size, training steps. */
	String describe();

	@Override
	void close();
}
