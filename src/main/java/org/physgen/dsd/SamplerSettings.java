package org.physgen.dsd;

/**
 * @param tolerance CFL tolerance profile
 * @param minStep smallest time step; near t = 0 the exact reverse rates grow like 1/t, so without
 *          a floor the steps would shrink geometrically and never reach 0
 * @param seed seed of all random draws
 */
public record SamplerSettings(Tolerance tolerance, double minStep, long seed) {

	/** Default {@link #minStep}. */
	public static final double DEFAULT_MIN_STEP = 1e-9;

	public SamplerSettings {
		if (!(minStep > 0)) throw new IllegalArgumentException("minStep must be positive");
	}

	public static SamplerSettings defaults(final long seed) {
		return new SamplerSettings(Tolerance.constant(Tolerance.DEFAULT), DEFAULT_MIN_STEP, seed);
	}
}
