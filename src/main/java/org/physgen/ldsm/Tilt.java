package org.physgen.ldsm;

/**
 * The tilt h that gives the stationary density of the well with barrier a the upper-well mass
 * {@code P(y > 0) = φ}: P(y > 0) grows strictly with h, so bisection on a bracket that is widened
 * until it holds the root finds h to {@value #TOLERANCE}.
 */
public final class Tilt {

	/** Width of the final bracket of h. */
	public static final double TOLERANCE = 1e-10;

	/**
	 * Phase fractions are clamped to [LIMIT, 1 − LIMIT] before the tilt is solved, so an absent phase
	 * (a training crop without it) gets a finite tilt; the exact counts come from the projection.
	 */
	public static final double LIMIT = 1e-3;

	private Tilt() {}

	/**
	 * @param fraction φ in (0, 1)
	 * @throws IllegalArgumentException naming barrier or fraction
	 */
	public static double forFraction(final double barrier, final double fraction) {
		if (!(fraction > 0 && fraction < 1)) {
			throw new IllegalArgumentException("fraction must be in (0, 1), got " + fraction);
		}
		double low = -1, high = 1;
		while (upperMass(barrier, low) > fraction) low *= 2;
		while (upperMass(barrier, high) < fraction) high *= 2;
		while (high - low > TOLERANCE) {
			final double middle = 0.5 * (low + high);
			if (upperMass(barrier, middle) < fraction) low = middle;
			else high = middle;
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

	private static double upperMass(final double barrier, final double tilt) {
		return new StationaryDensity(new DoubleWell(barrier, tilt)).upperMass();
	}
}
