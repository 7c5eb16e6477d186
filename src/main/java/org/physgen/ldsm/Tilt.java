package org.physgen.ldsm;

/**
 * The tilt h that gives the stationary density of the well with barrier a the upper-well mass
 * {@code P(y > 0) = φ}. The log-odds of P(y > 0) grow strictly and almost linearly with h (slope
 * about 2, the distance between the wells), so the Illinois variant of regula falsi on a bracket
 * around the guess h = logit(φ)/2 converges in a few steps; it stops when the bracket is narrower
 * than {@value #TOLERANCE}. The masses are integrals of {@code e^{−U}} by Simpson's rule over the
 * grid of {@link StationaryDensity} ({@value #INTERVALS} intervals per half; error below 1e-9).
 */
public final class Tilt {

	/** Width of the final bracket of h. */
	public static final double TOLERANCE = 1e-10;

	/**
	 * Phase fractions are clamped to [LIMIT, 1 − LIMIT] before the tilt is solved, so an absent phase
	 * (a training crop without it) gets a finite tilt; the exact counts come from the projection.
	 */
	public static final double LIMIT = 1e-3;

	static final int INTERVALS = 4000;

	private Tilt() {}

	/**
	 * @param fraction φ in (0, 1)
	 * @throws IllegalArgumentException naming barrier or fraction
	 */
	public static double forFraction(final double barrier, final double fraction) {
		if (!(fraction > 0 && fraction < 1)) {
			throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
		}
		if (!(barrier > 0) || Double.isInfinite(barrier)) {
			throw new IllegalArgumentException("barrier must be positive and finite, got " + barrier);
		}
		final double target = logit(fraction);
		final double guess = 0.5 * target;
		double low = guess - 0.5, high = guess + 0.5;
		double fLow = logOdds(barrier, low) - target, fHigh = logOdds(barrier, high) - target;
		while (fLow > 0) {
			low -= 2 * (high - low);
			fLow = logOdds(barrier, low) - target;
		}
		while (fHigh < 0) {
			high += 2 * (high - low);
			fHigh = logOdds(barrier, high) - target;
		}
		int side = 0;
		while (high - low > TOLERANCE) {
			final double h = high - fHigh * (high - low) / (fHigh - fLow);
			final double fh = logOdds(barrier, h) - target;
			if (fh == 0) return h;
			if (fh < 0) {
				low = h;
				fLow = fh;
				if (side == -1) fHigh *= 0.5;
				side = -1;
			}
			else {
				high = h;
				fHigh = fh;
				if (side == 1) fLow *= 0.5;
				side = 1;
			}
		}
		return 0.5 * (low + high);
	}

	/** The tilt of a fraction clamped to [LIMIT, 1 − LIMIT]. */
	public static double forClampedFraction(final double barrier, final double fraction) {
		return forFraction(barrier, Math.max(LIMIT, Math.min(1 - LIMIT, fraction)));
	}

	/**
	 * The fraction each channel of the {@link org.physgen.pfgm.PhaseEncoding} stands for: phase 1
	 * for one channel (two phases), phase c for channel c of P one-hot channels.
	 *
	 * @param fractions fractions of phases 1..P-1; phase 0 has the rest
	 */
	public static double[] channelFractions(final double[] fractions) {
		if (fractions.length == 1) return new double[] { fractions[0] };
		final double[] channel = new double[fractions.length + 1];
		double rest = 1;
		for (int p = 0; p < fractions.length; p++) {
			channel[p + 1] = fractions[p];
			rest -= fractions[p];
		}
		channel[0] = rest;
		return channel;
	}

	/** ln(P(y > 0) / P(y < 0)) under the stationary density of (a, h). */
	static double logOdds(final double barrier, final double tilt) {
		final DoubleWell well = new DoubleWell(barrier, tilt);
		final double minimum = StationaryDensity.minimumPotential(well);
		final double reach = StationaryDensity.reach(well, minimum);
		return Math.log(halfMass(well, minimum, reach) / halfMass(well, minimum, -reach));
	}

	/** ∫ e^{minimum − U} from 0 to {@code end} (either sign) by Simpson's rule. */
	private static double halfMass(final DoubleWell well, final double minimum, final double end) {
		final double step = end / INTERVALS;
		double sum = 0;
		for (int i = 0; i <= INTERVALS; i++) {
			final double weight = i == 0 || i == INTERVALS ? 1 : i % 2 == 1 ? 4 : 2;
			sum += weight * Math.exp(minimum - well.potential(i * step));
		}
		return Math.abs(sum * step / 3);
	}

	private static double logit(final double p) {
		return Math.log(p / (1 - p));
	}
}
