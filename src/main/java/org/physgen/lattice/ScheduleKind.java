package org.physgen.lattice;

import java.util.Locale;

/**
 * Shapes of the noise schedule (SPEC 4.2), each as a continuous, strictly increasing curve from
 * the network time s = k/(T-1) to physical time, together with its exact inverse.
 */
public enum ScheduleKind {
	LINEAR(1), QUADRATIC(2), POWER3(3), POWER4(4), POWER5(5), POWER6(6), POWER7(7),

	/** {@code 1e-5^(1 - s)}. */
	EXP(0) {

		@Override
		double curve(final double s, final int steps) {
			return Math.exp(LN_EXP_FLOOR * (1 - s));
		}

		@Override
		double inverse(final double t, final int steps) {
			return 1 - Math.log(t) / LN_EXP_FLOOR;
		}
	},

	/** {@code cos^2(((1 - s) + 0.008)/1.008 pi/2)}. */
	COSINE(0) {

		@Override
		double curve(final double s, final int steps) {
			final double c = Math.cos(((1 - s) + COSINE_OFFSET) / (1 + COSINE_OFFSET) * Math.PI / 2);
			return c * c;
		}

		@Override
		double inverse(final double t, final int steps) {
			final double angle = Math.acos(Math.sqrt(t));
			return 1 + COSINE_OFFSET - angle * (1 + COSINE_OFFSET) * 2 / Math.PI;
		}
	},

	/**
	 * {@code -ln sigma(a + u (b - a)) / tau2} with u = (k-1)/(T-2), a = logit(1 - e^-tau1),
	 * b = logit(e^-tau2): t_1 is tiny and t_{T-1} = 1 exactly.
	 */
	BLACKOUT(0) {

		@Override
		double curve(final double s, final int steps) {
			final double u = (s * (steps - 1) - 1) / (steps - 2);
			return -logSigmoid(BLACKOUT_A + u * (BLACKOUT_B - BLACKOUT_A)) / BLACKOUT_TAU2;
		}

		@Override
		double inverse(final double t, final int steps) {
			// sigma(v) = e^(-tau2 t)  =>  v = logit(e^(-tau2 t)) = -ln(expm1(tau2 t))
			final double v = -Math.log(Math.expm1(BLACKOUT_TAU2 * t));
			final double u = (v - BLACKOUT_A) / (BLACKOUT_B - BLACKOUT_A);
			return (1 + u * (steps - 2)) / (steps - 1);
		}
	};

	private static final double LN_EXP_FLOOR = Math.log(1e-5);
	private static final double COSINE_OFFSET = 0.008;
	private static final double BLACKOUT_TAU1 = 7.5;
	private static final double BLACKOUT_TAU2 = 2.5;
	private static final double BLACKOUT_A = Math.log(Math.expm1(BLACKOUT_TAU1));
	private static final double BLACKOUT_B = -Math.log(Math.expm1(BLACKOUT_TAU2));

	private final int power;

	ScheduleKind(final int power) {
		this.power = power;
	}

	/** Physical time at network time s (used for s >= 1/(T-1)). */
	double curve(final double s, final int steps) {
		return Math.pow(s, power);
	}

	/** Inverse of {@link #curve}. */
	double inverse(final double t, final int steps) {
		return Math.pow(t, 1.0 / power);
	}

	/** Minimum number of time indices T this shape needs. */
	int minimumSteps() {
		return this == BLACKOUT ? 3 : 2;
	}

	/** Lower-case name as used in parameters ({@code blackout}, {@code power3}, ...). */
	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	public static ScheduleKind parse(final String name) {
		for (final ScheduleKind kind : values()) {
			if (kind.label().equals(name.trim().toLowerCase(Locale.ROOT))) return kind;
		}
		throw new IllegalArgumentException("unknown schedule '" + name
			+ "' (expected linear, quadratic, power3..power7, exp, cosine or blackout)");
	}

	/** ln sigma(x) = -ln(1 + e^-x), accurate for large |x|. */
	private static double logSigmoid(final double x) {
		return x >= 0 ? -Math.log1p(Math.exp(-x)) : x - Math.log1p(Math.exp(x));
	}
}
