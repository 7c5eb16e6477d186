package org.physgen.ldsm;

import java.util.Locale;

/**
 * How the local-DSM sampler integrates from T down to t_min (SPEC §12): the reverse SDE
 * {@code dy = [f − 2s] dt + √2 dW̄} by Euler–Maruyama (one score evaluation per step), or the
 * probability-flow ODE {@code dy = [f − s] dt} by Heun (two per step, one on the last).
 */
public enum SamplerKind {
	SDE("sde"), ODE("ode");

	private final String label;

	SamplerKind(final String label) {
		this.label = label;
	}

	/** "sde" or "ode", as files and parameters name it. */
	public String label() {
		return label;
	}

	/** @throws IllegalArgumentException naming sampler and the accepted names */
	public static SamplerKind parse(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final SamplerKind k : values()) {
			if (k.label.equals(n)) return k;
		}
		throw new IllegalArgumentException("sampler must be 'sde' or 'ode', got '" + name + "'");
	}
}
