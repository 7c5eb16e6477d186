package org.physgen.model;

import java.util.Locale;

import org.physgen.train.Durations;

/**
 * Where a generation run stands, for progress lines and status bars.
 *
 * @param finished volumes completed so far
 * @param total volumes requested
 * @param current progress of the volumes being sampled now, 0..1, for progress bars (DSD: the share
 *          of the reverse time integrated, which runs ahead of the work, since the last small times
 *          take the most steps; PFGM++: the share of sampler steps)
 * @param stage where the sampler of the current volumes stands, in its own terms (DSD: the reverse
 *          time; PFGM++: the step), empty between volumes
 * @param evaluations network evaluations of the volumes being sampled now
 * @param elapsedSeconds wall time since the run started
 */
public record GenerationProgress(int finished, int total, double current, String stage, int evaluations,
	double elapsedSeconds)
{

	/** The run's overall progress, 0..1. */
	public double fraction() {
		return Math.min(1, (finished + Math.max(0, Math.min(1, current))) / total);
	}

	/**
	 * Seconds left, extrapolated from the volumes already finished; NaN before the first one, since
	 * the network evaluations within a volume are spread unevenly over its progress.
	 */
	public double secondsLeft() {
		return finished == 0 ? Double.NaN : elapsedSeconds / finished * (total - finished);
	}

	public String describe() {
		final StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
			"%d of %d volumes done", finished, total));
		if (finished < total) {
			line.append(String.format(Locale.ROOT, ", current: %s (%d network evaluations)", stage,
				evaluations));
		}
		line.append(", ").append(Durations.describe(elapsedSeconds)).append(" elapsed");
		if (finished < total) {
			line.append(finished == 0 ? ", time left known after the first volume"
				: ", about " + Durations.describe(secondsLeft()) + " left");
		}
		return line.toString();
	}
}
