package org.physgen.dsd;

/**
 * CFL tolerance of the tau-leap sampler as a function of physical time: each step lasts
 * {@code tolerance(t) / max R}, where R is the largest total per-particle rate.
 */
@FunctionalInterface
public interface Tolerance {

	/** Default tolerance, which models record as the one their generation uses. */
	double DEFAULT = 0.1;

	double at(double t);

	static Tolerance constant(final double value) {
		check(value);
		return t -> value;
	}

	/**
	 * Linear in t between {@code atZero} (t = 0) and {@code atOne} (t = 1). A larger value at large
	 * t, where little structure forms, saves network evaluations.
	 */
	static Tolerance linear(final double atZero, final double atOne) {
		check(atZero);
		check(atOne);
		return t -> atZero + (atOne - atZero) * Math.min(1, Math.max(0, t));
	}

	/**
	 * The CFL tolerance {@code atStructure} where structure forms, and elsewhere steps of about a
	 * fraction {@code stepFraction} of the remaining time: {@code max(atStructure, stepFraction · 6r · t)}.
	 * While the reverse rates are near the forward rate r (max R ≈ 6r, the mixed regime) the step is
	 * then max(atStructure / max R, stepFraction · t), so the time shrinks geometrically instead of
	 * in some 6r / atStructure equal steps; near t = 0, where the rates grow like 1/t, the plain CFL
	 * tolerance governs again.
	 */
	static Tolerance geometric(final double atStructure, final double stepFraction,
		final double rate)
	{
		check(atStructure);
		if (!(stepFraction >= 0 && stepFraction < 1)) {
			throw new IllegalArgumentException("step fraction must be in [0, 1), got " + stepFraction);
		}
		final double scale = stepFraction * Direction.COUNT * rate;
		return t -> Math.max(atStructure, scale * t);
	}

	private static void check(final double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("tolerance must be positive, got " + value);
		}
	}
}
