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
	 * Generates volumes whose phase counts are exactly the requested ones.
	 *
	 * @throws IllegalArgumentException naming the parameter for a bad size or impossible fractions
	 * @throws java.util.concurrent.CancellationException when the listener cancels
	 */
	List<LabelVolume> generate(GenerationRequest request, GenerationListener listener);

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
