package org.physgen.pfgm;

/** Progress of a sampling run, called on the sampling thread after every step. */
@FunctionalInterface
public interface HeunListener {

	HeunListener NONE = (done, steps, sigma, evaluations) -> {};

	/**
	 * @param done steps finished, 1..steps
	 * @param sigma noise level reached
	 * @param evaluations denoiser evaluations per sample so far
	 */
	void stepDone(int done, int steps, double sigma, int evaluations);
}
