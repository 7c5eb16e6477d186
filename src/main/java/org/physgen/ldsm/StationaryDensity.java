package org.physgen.ldsm;

import java.util.Arrays;

/**
 * The stationary density {@code π(y) ∝ exp(−U(y))} of a {@link DoubleWell} with a > 0, tabulated
 * on a uniform grid wide enough that {@code U − min U} exceeds {@value #TAIL} at both ends (the
 * mass beyond is below e^−60), with its CDF by the trapezoid rule (grid step at most
 * {@value #MAX_STEP}, quadrature error below 1e-8) and the inverse CDF by linear interpolation —
 * the prior of local-DSM, one value per voxel and channel.
 */
public final class StationaryDensity {

	static final double TAIL = 60;
	static final double MAX_STEP = 2e-4;

	private final DoubleWell well;
	private final double from;
	private final double step;
	private final double[] cdf;

	/** @throws IllegalArgumentException when the barrier a is not positive (π is not normalisable) */
	public StationaryDensity(final DoubleWell well) {
		if (!(well.barrier() > 0)) {
			throw new IllegalArgumentException("barrier a must be positive for a stationary density, got "
				+ well.barrier());
		}
		this.well = well;
		final double minimum = minimumPotential(well);
		final double reach = reach(well, minimum);
		final int intervals = 2 * (int) Math.ceil(reach / MAX_STEP);
		from = -reach;
		step = 2 * reach / intervals;
		cdf = new double[intervals + 1];
		double previous = Math.exp(minimum - well.potential(from));
		for (int i = 1; i <= intervals; i++) {
			final double density = Math.exp(minimum - well.potential(from + i * step));
			cdf[i] = cdf[i - 1] + 0.5 * step * (previous + density);
			previous = density;
		}
		final double total = cdf[intervals];
		for (int i = 0; i <= intervals; i++) cdf[i] /= total;
	}

	public DoubleWell well() {
		return well;
	}

	/** P(Y ≤ y) under π. */
	public double cdf(final double y) {
		final double position = (y - from) / step;
		if (position <= 0) return 0;
		if (position >= cdf.length - 1) return 1;
		final int i = (int) position;
		final double w = position - i;
		return (1 - w) * cdf[i] + w * cdf[i + 1];
	}

	/** P(Y > 0) under π: the phase fraction a prior voxel of this well stands for. */
	public double upperMass() {
		return 1 - cdf[(cdf.length - 1) / 2];
	}

	/** The inverse CDF at u in [0, 1]. */
	public double quantile(final double u) {
		if (!(u >= 0 && u <= 1)) throw new IllegalArgumentException("u must be in [0, 1], got " + u);
		int i = Arrays.binarySearch(cdf, u);
		if (i >= 0) return from + i * step;
		i = -i - 2;
		final double span = cdf[i + 1] - cdf[i];
		return from + (i + (span > 0 ? (u - cdf[i]) / span : 0)) * step;
	}

	/** min U over the real line, at a root of the cubic drift (the upper or lower well). */
	static double minimumPotential(final DoubleWell well) {
		double best = Double.POSITIVE_INFINITY;
		for (final double start : new double[] { -2, 2 }) {
			double y = start;
			for (int k = 0; k < 100; k++) {
				final double next = y - well.drift(y) / well.slope(y);
				if (!Double.isFinite(next) || Math.abs(next - y) < 1e-15) break;
				y = next;
			}
			best = Math.min(best, well.potential(y));
		}
		return best;
	}

	/** Half-width of the grid: the first y = 1.25^k whose potential at ±y is TAIL above the minimum. */
	static double reach(final DoubleWell well, final double minimum) {
		double y = 1;
		while (well.potential(y) - minimum < TAIL || well.potential(-y) - minimum < TAIL) y *= 1.25;
		return y;
	}
}
