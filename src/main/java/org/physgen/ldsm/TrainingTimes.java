package org.physgen.ldsm;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * The start times s of local-DSM training pairs on [δ, T − δ], log-uniform (every decade of time
 * gets the same share of pairs) or uniform ({@link TimeSampling}); the pair times t = s + δ cover
 * [2δ, T] (the sampler's t_min is 2δ or more).
 *
 * @param delta δ of the local step, positive
 * @param horizon T, above 2δ
 * @param sampling how s is spread over the interval
 */
public record TrainingTimes(double delta, double horizon, TimeSampling sampling) {

	public TrainingTimes {
		if (!(delta > 0 && horizon > 2 * delta) || Double.isInfinite(horizon)) {
			throw new IllegalArgumentException("training times need 0 < 2·delta < horizon < infinity, got delta "
				+ delta + " and horizon " + horizon);
		}
	}

	/** The start time at quantile q in [0, 1]. */
	public double quantile(final double q) {
		if (!(q >= 0 && q <= 1)) throw new IllegalArgumentException("quantile must be in [0, 1], got " + q);
		if (sampling == TimeSampling.UNIFORM) return delta + q * (horizon - 2 * delta);
		final double low = Math.log(delta), high = Math.log(horizon - delta);
		return Math.exp(low + q * (high - low));
	}

	public double sample(final UniformRandomProvider rng) {
		return quantile(rng.nextDouble());
	}
}
