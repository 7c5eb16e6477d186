package org.physgen.model;

/** Stamps a generation run's progress with the wall time since the clock was made. */
public final class GenerationClock {

	private final long start = System.nanoTime();

	public GenerationProgress at(final int finished, final int total, final double current, final String stage,
		final int evaluations)
	{
		return new GenerationProgress(finished, total, current, stage, evaluations,
			(System.nanoTime() - start) * 1e-9);
	}
}
