package org.physgen.ldsm;

/** Progress of a local-DSM sampling run, called on the sampling thread after every step. */
@FunctionalInterface
public interface StepListener {

	StepListener NONE = (done, steps, t, evaluations) -> {};

	/**
	 * @param done steps finished, 1..steps
	 * @param t the forward time reached
	 * @param evaluations score evaluations per sample so far
	 */
	void stepDone(int done, int steps, double t, int evaluations);
}
