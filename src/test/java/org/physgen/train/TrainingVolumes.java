package org.physgen.train;

import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;

/** Small synthetic training volumes for the training tests. */
final class TrainingVolumes {

	private TrainingVolumes() {}

	/** A periodic 16³ Gaussian-field rock with 25 % phase 1. */
	static LabelVolume rock() {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, 16, 16,
			16, new double[] { 0.25 }, 2.0, 3.0, true, 3, VoxelSize.isotropic(2.5, "µm")));
	}

	/** A 16³ three-phase electrode. */
	static LabelVolume electrode() {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.ELECTRODE, 16, 16, 16,
			new double[] { 0.4, 0.15 }, 2.0, 3.0, true, 5, VoxelSize.DEFAULT));
	}
}
