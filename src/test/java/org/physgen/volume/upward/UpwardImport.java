package org.physgen.volume.upward;

import org.physgen.train.TrainingConfig;

/**
 * A class of the volume layer that uses the training layer above it, which the layering forbids:
 * the fixture that shows the architecture test catching an upward arrow. Test code only.
 */
public final class UpwardImport {

	private UpwardImport() {}

	/** Reaches up into {@code train}: the default DSD hop rate of a crop size. */
	public static double defaultRate(final int cropSize) {
		return TrainingConfig.defaultRate(cropSize);
	}
}
