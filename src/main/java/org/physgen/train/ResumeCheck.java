package org.physgen.train;

import java.util.Locale;
import java.util.Objects;

import org.physgen.lattice.Boundary;
import org.physgen.nn.DsdProcess;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;

/**
 * Resuming continues the checkpoint's network and forward process, so every setting that fixes
 * them must be the checkpoint's: a different crop size, network width, boundary, schedule, hop
 * rate or PFGM++ dimension would otherwise be ignored without a word.
 */
final class ResumeCheck {

	private ResumeCheck() {}

	/**
	 * @throws IllegalArgumentException naming the first setting (by its command parameter) whose
	 *           value differs from the checkpoint's, with both values
	 */
	static void requireSameSettings(final TrainingConfig config, final ModelMetadata checkpoint) {
		same("crop_size", config.cropSize(), checkpoint.cropSize());
		same("channels", config.baseChannels(), checkpoint.network().baseChannels());
		if (config.family() == ModelFamily.DSD) {
			final DsdProcess dsd = checkpoint.dsd();
			same("boundary", config.boundary() == Boundary.PERIODIC ? ModelMetadata.PERIODIC
				: ModelMetadata.REFLECTING, checkpoint.boundary());
			same("schedule", config.schedule().name().toLowerCase(Locale.ROOT), dsd.schedule());
			same("schedule_steps", config.scheduleSteps(), dsd.scheduleSteps());
			same("hop_rate", config.rate(), dsd.rate());
			same("rate_head", config.rateHead().label(), dsd.rateHead());
			same("time_weighting", config.timeWeighting().label(), dsd.timeWeighting());
		}
		else {
			same("aug_dim", config.augDim(), checkpoint.pfgm().augDim());
		}
	}

	private static void same(final String parameter, final Object given, final Object checkpoint) {
		if (!Objects.equals(given, checkpoint)) {
			throw new IllegalArgumentException(parameter + " = " + given + " differs from the checkpoint's "
				+ parameter + " " + checkpoint + "; resume with the same " + parameter
				+ " (or train a new model without resume)");
		}
	}
}
