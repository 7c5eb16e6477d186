package org.physgen.yukawa;

import java.util.Locale;

/**
 * The survival schedules a Yukawa model can be trained with, each with S(0) = 1 and S(1) = 0, so
 * that the volume is empty at t = 1 and the reverse process builds it from nothing.
 */
public enum SurvivalShape implements Survival {

	/**
	 * {@code S = 1 − t}: deaths spread evenly over [0, 1] (hazard 1/(1 − t)). Times outside [0, 1],
	 * such as a schedule's final time a rounding error above 1, count as the nearest end.
	 */
	LINEAR("linear") {

		@Override
		public double at(final double t) {
			return 1 - clamp(t);
		}

		@Override
		public double deathDensity(final double t) {
			return 1;
		}

		@Override
		public double deathTime(final double u) {
			return checkQuantile(u);
		}
	},
	/**
	 * The survival of blackout diffusion (Santos, Fox, Lubbers, Lin, ICML 2023), {@code e^(−τ2 t)}
	 * with the blackout schedule's τ2 = 2.5, shifted and rescaled to reach 0 at t = 1:
	 * {@code S = (e^(−τ2 t) − e^(−τ2)) / (1 − e^(−τ2))}. Most particles die early, while the walk
	 * has not yet mixed the box, and the last few die at t = 1.
	 */
	BLACKOUT("blackout") {

		@Override
		public double at(final double t) {
			return (Math.exp(-TAU2 * clamp(t)) - FLOOR) / (1 - FLOOR);
		}

		@Override
		public double deathDensity(final double t) {
			return TAU2 * Math.exp(-TAU2 * clamp(t)) / (1 - FLOOR);
		}

		@Override
		public double deathTime(final double u) {
			// e^(−τ2 t) = FLOOR + (1 − u)(1 − FLOOR)
			return Math.min(1, -Math.log(FLOOR + (1 - checkQuantile(u)) * (1 - FLOOR)) / TAU2);
		}
	};

	/** τ2 of the blackout schedule (SPEC 4.2). */
	static final double TAU2 = 2.5;
	private static final double FLOOR = Math.exp(-TAU2);

	private final String label;

	SurvivalShape(final String label) {
		this.label = label;
	}

	/** The name in model files and parameters. */
	public String label() {
		return label;
	}

	/** @throws IllegalArgumentException naming {@code survival} and the accepted values */
	public static SurvivalShape parse(final String text) {
		final String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
		for (final SurvivalShape s : values()) {
			if (s.label.equals(t)) return s;
		}
		throw new IllegalArgumentException("survival must be 'linear' or 'blackout', got '" + text + "'");
	}

	private static double clamp(final double t) {
		return Math.min(1, Math.max(0, t));
	}

	private static double checkQuantile(final double u) {
		if (!(u >= 0 && u < 1)) throw new IllegalArgumentException("quantile must be in [0, 1), got " + u);
		return u;
	}
}
