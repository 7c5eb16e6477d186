package org.physgen.train;

import java.util.Locale;
import java.util.Objects;

import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.nn.ModelMetadata;

/**
 * Resuming continues the checkpoint's network and forward process, so every setting that fixes
 * them must be the checkpoint's: a different crop size, network width, boundary, schedule, hop
 * rate or PFGM++ dimension would otherwise be ignored without a word.
 */
public final class ResumeCheck {

	private ResumeCheck() {}

	/**
	 * @throws IllegalArgumentException naming the first setting (by its command parameter) whose
	 *           value differs from the checkpoint's, with both values
	 */
	static void requireSameSettings(final TrainingConfig config, final TrainableFamily family,
		final ModelMetadata checkpoint)
	{
		same("crop_size", config.cropSize(), checkpoint.cropSize());
		same("channels", config.baseChannels(), checkpoint.network().baseChannels());
		same("boundary", label(family.boundary(config)), label(checkpoint.boundary()));
		family.requireSameSettings(config, checkpoint);
	}

	/**
	 * The random walk of the particle families (DSD, Yukawa): schedule, its length and the hop rate.
	 *
	 * @throws IllegalArgumentException as {@link #same}
	 */
	public static void sameHopProcess(final TrainingConfig config, final ScheduleKind schedule,
		final int scheduleSteps, final double rate)
	{
		same("schedule", config.schedule().label(), schedule.label());
		same("schedule_steps", config.scheduleSteps(), scheduleSteps);
		same("hop_rate", config.rate(), rate);
	}

	/**
	 * @throws IllegalArgumentException naming the command parameter when the configuration's value
	 *           differs from the checkpoint's, with both values
	 */
	public static void same(final String parameter, final Object given, final Object checkpoint) {
		if (!Objects.equals(given, checkpoint)) {
			throw new IllegalArgumentException(parameter + " = " + given + " differs from the checkpoint's "
				+ parameter + " " + checkpoint + "; resume with the same " + parameter
				+ " (or train a new model without resume)");
		}
	}

	private static String label(final Boundary boundary) {
		return boundary.name().toLowerCase(Locale.ROOT);
	}
}
