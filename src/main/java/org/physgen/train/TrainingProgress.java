package org.physgen.train;

/**
 * One training step as reported to a {@link TrainingListener}.
 *
 * @param step steps done so far, including those of earlier runs when resuming
 * @param totalSteps step count the run trains to
 * @param loss loss of this step
 * @param stepsPerSecond mean speed of this run so far
 * @param secondsLeft estimated seconds to the last step
 */
public record TrainingProgress(long step, long totalSteps, double loss, double stepsPerSecond,
	double secondsLeft)
{

	public double fraction() {
		return totalSteps == 0 ? 1 : (double) step / totalSteps;
	}

	/** "step 120/2000, loss 0.0123, 3.4 steps/s, 9 min 12 s left". */
	public String describe() {
		return String.format(java.util.Locale.ROOT, "step %d/%d, loss %.4g, %.2f steps/s, %s left",
			step, totalSteps, loss, stepsPerSecond, Durations.describe(secondsLeft));
	}
}
