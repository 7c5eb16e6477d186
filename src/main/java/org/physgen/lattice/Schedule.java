package org.physgen.lattice;

/**
 * Noise schedule with T time indices: physical times {@code t_0 = 0 < t_1 < ... < t_{T-1}} and the
 * network's time input {@code s_k = k/(T-1)}. The continuous map between s and t is exact and
 * invertible on [0, 1]: for {@code s >= s_1} it is the shape's curve, and between {@code s_0 = 0}
 * and {@code s_1} it is the straight line from (0, 0) to (s_1, t_1), because several curves (exp,
 * cosine, blackout) do not pass through t = 0 at s = 0.
 */
public final class Schedule {

	/** Default number of time indices. */
	public static final int DEFAULT_STEPS = 2000;

	private final ScheduleKind kind;
	private final int steps;
	private final double firstTime;

	public Schedule(final ScheduleKind kind, final int steps) {
		if (steps < kind.minimumSteps()) {
			throw new IllegalArgumentException("schedule " + kind.label() + " needs at least "
				+ kind.minimumSteps() + " time indices, got " + steps);
		}
		this.kind = kind;
		this.steps = steps;
		firstTime = kind.curve(networkTime(1), steps);
	}

	/** The blackout schedule with {@link #DEFAULT_STEPS} indices. */
	public static Schedule defaultSchedule() {
		return new Schedule(ScheduleKind.BLACKOUT, DEFAULT_STEPS);
	}

	public ScheduleKind kind() {
		return kind;
	}

	/** Number of time indices T. */
	public int steps() {
		return steps;
	}

	/** Physical time t_k. */
	public double time(final int k) {
		if (k < 0 || k >= steps) {
			throw new IndexOutOfBoundsException("time index " + k + " outside 0.." + (steps - 1));
		}
		return k == 0 ? 0 : kind.curve(networkTime(k), steps);
	}

	/** {@code t_k - t_{k-1}} for k >= 1. */
	public double delta(final int k) {
		if (k < 1) throw new IndexOutOfBoundsException("delta needs k >= 1, got " + k);
		return time(k) - time(k - 1);
	}

	/** Network time input of index k: k/(T-1). */
	public double networkTime(final int k) {
		return (double) k / (steps - 1);
	}

	/** Largest physical time t_{T-1}. */
	public double finalTime() {
		return time(steps - 1);
	}

	/** Physical time at network time s in [0, 1]. */
	public double physicalTime(final double s) {
		final double first = networkTime(1);
		if (s <= 0) return 0;
		return s < first ? firstTime * (s / first) : kind.curve(s, steps);
	}

	/** Network time of physical time t in [0, t_{T-1}]; inverse of {@link #physicalTime}. */
	public double networkTimeOf(final double t) {
		if (t <= 0) return 0;
		return t < firstTime ? networkTime(1) * (t / firstTime) : kind.inverse(t, steps);
	}

	@Override
	public String toString() {
		return kind.label() + " (T = " + steps + ")";
	}
}
