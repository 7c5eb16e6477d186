package org.physgen.train;

/** Stamps a generation run's progress with the wall time since the clock was made. */
final class GenerationClock {

	private final long start = System.nanoTime();

	GenerationProgress at(final int finished, final int total, final double current, final String stage,
		final int evaluations)
	{
		return new GenerationProgress(finished, total, current, stage, evaluations,
			(System.nanoTime() - start) * 1e-9);
	}
}
