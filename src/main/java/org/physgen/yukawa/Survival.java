package org.physgen.yukawa;

/**
 * Survival S(t) of a particle of the forward Yukawa process: the probability that it is still
 * alive at physical time t, {@code S(t) = exp(−∫₀ᵗ μ)} for hazard μ (SPEC 13). Death times are iid
 * with CDF {@code 1 − S}.
 */
public interface Survival {

	/** S(t), non-increasing, S(0) = 1. */
	double at(double t);

	/** Death density {@code −S'(t)} at t, per unit time. */
	double deathDensity(double t);

	/**
	 * The death time of quantile u: the t with {@code 1 − S(t) = u}, the inverse CDF of the death
	 * times.
	 *
	 * @param u in [0, 1)
	 */
	double deathTime(double u);
}
