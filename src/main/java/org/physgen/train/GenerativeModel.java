package org.physgen.train;

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
	 * Regenerates a masked region (DSD only), keeping everything outside it.
	 *
	 * @throws IllegalArgumentException for PFGM++ models, which cannot inpaint
	 */
	LabelVolume inpaint(InpaintRequest request, GenerationListener listener);

	/** One line about the model: family, phases, crop size, training steps. */
	String describe();

	@Override
	void close();
}
