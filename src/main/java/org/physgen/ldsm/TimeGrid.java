package org.physgen.ldsm;

/**
 * The sampler's times from the horizon T down to t_min in n steps, spaced as EDM spaces noise
 * levels: {@code t_i = (T^{1/ρ} + i/n·(t_min^{1/ρ} − T^{1/ρ}))^ρ}, i = 0..n, so t_0 = T and
 * t_n = t_min; ρ > 1 puts the short steps at small t, where the structure forms.
 *
 * @param steps n ≥ 1
 * @param tMin t_min > 0, the time the sampler stops at (the smallest training time)
 * @param horizon T > t_min, finite
 * @param rho ρ > 0, finite
 */
public record TimeGrid(int steps, double tMin, double horizon, double rho) {

	public TimeGrid {
		if (steps < 1) throw new IllegalArgumentException("steps must be at least 1, got " + steps);
		if (!(tMin > 0 && horizon > tMin) || Double.isInfinite(horizon)) {
			throw new IllegalArgumentException("times need 0 < t_min < horizon < infinity, got " + tMin + " and "
				+ horizon);
		}
		if (!(rho > 0) || Double.isInfinite(rho)) {
			throw new IllegalArgumentException("rho must be positive and finite, got " + rho);
		}
	}

	/** t_i for i in 0..steps. */
	public double time(final int i) {
		if (i < 0 || i > steps) throw new IndexOutOfBoundsException("step " + i + " is outside 0.." + steps);
		if (i == 0) return horizon;
		if (i == steps) return tMin;
		final double top = Math.pow(horizon, 1 / rho);
		final double bottom = Math.pow(tMin, 1 / rho);
		return Math.pow(top + (double) i / steps * (bottom - top), rho);
	}
}
