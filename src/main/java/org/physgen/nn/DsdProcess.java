package org.physgen.nn;

/**
 * Settings of the DSD forward process a model was trained with (SPEC §4).
 *
 * @param rate hop rate r per particle and unit time
 * @param schedule schedule name as the {@code lattice} package spells it ({@code blackout}, ...)
 * @param scheduleSteps number of time indices T
 * @param tolerance step tolerance of the tau-leap sampler
 * @param rateHead how the network output becomes a rate, as the {@code dsd} package spells it
 *          ({@code exp}, or {@code softplus} for models written before it existed)
 * @param timeWeighting weight of each time index in the training loss ({@code uniform}, or
 *          {@code delta_t} for models written before it existed)
 */
public record DsdProcess(double rate, String schedule, int scheduleSteps, double tolerance,
	String rateHead, String timeWeighting)
{

	/** Head of model files that do not name one. */
	public static final String LEGACY_RATE_HEAD = "softplus";
	/** Weighting of model files that do not name one. */
	public static final String LEGACY_TIME_WEIGHTING = "delta_t";

	public DsdProcess {
		if (!(rate > 0) || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("rate must be positive and finite, got " + rate);
		}
		if (schedule == null || schedule.isBlank()) {
			throw new IllegalArgumentException("schedule must be named, got '" + schedule + "'");
		}
		if (scheduleSteps < 3) {
			throw new IllegalArgumentException("schedule_steps must be at least 3, got " + scheduleSteps);
		}
		if (!(tolerance > 0) || Double.isInfinite(tolerance)) {
			throw new IllegalArgumentException("tolerance must be positive and finite, got " + tolerance);
		}
		if (rateHead == null || rateHead.isBlank()) {
			throw new IllegalArgumentException("rate_head must be named, got '" + rateHead + "'");
		}
		if (timeWeighting == null || timeWeighting.isBlank()) {
			throw new IllegalArgumentException("time_weighting must be named, got '" + timeWeighting + "'");
		}
	}

	/** Settings of a model file written before the rate head and time weighting were recorded. */
	public DsdProcess(final double rate, final String schedule, final int scheduleSteps,
		final double tolerance)
	{
		this(rate, schedule, scheduleSteps, tolerance, LEGACY_RATE_HEAD, LEGACY_TIME_WEIGHTING);
	}
}
