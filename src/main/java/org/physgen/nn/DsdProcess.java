package org.physgen.nn;

/**
 * Settings of the DSD forward process a model was trained with (SPEC §4).
 *
 * @param rate hop rate r per particle and unit time
 * @param schedule schedule name as the {@code lattice} package spells it ({@code blackout}, ...)
 * @param scheduleSteps number of time indices T
 * @param tolerance step tolerance of the tau-leap sampler
 */
public record DsdProcess(double rate, String schedule, int scheduleSteps, double tolerance) {

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
	}
}
