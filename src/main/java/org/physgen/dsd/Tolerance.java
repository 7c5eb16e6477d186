package org.physgen.dsd;

/**
 * CFL tolerance of the tau-leap sampler as a function of physical time: each step lasts
 * {@code tolerance(t) / max R}, where R is the largest total per-particle rate.
 */
@FunctionalInterface
public interface Tolerance {

	/** Default fixed tolerance. */
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

	private static void check(final double value) {
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("tolerance must be positive, got " + value);
		}
	}
}
