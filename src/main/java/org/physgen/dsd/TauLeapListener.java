package org.physgen.dsd;

/** Progress of a sampling run, called after every step. */
@FunctionalInterface
public interface TauLeapListener {

	TauLeapListener NONE = (evaluations, t, startTime) -> {};

	/**
	 * @param evaluations network evaluations so far
	 * @param t the physical time just reached (0 at the end)
	 * @param startTime the physical time the run started from
	 */
	void stepped(int evaluations, double t, double startTime);
}
