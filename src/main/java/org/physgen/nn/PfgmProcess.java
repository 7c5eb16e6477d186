package org.physgen.nn;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;
import org.physgen.pfgm.SigmaGrid;

/**
 * Settings of the PFGM++ process a model was trained with (SPEC §5), the {@code pfgm} section of
 * {@code model.json}.
 *
 * @param augDim augmented dimension D, at least 1; {@link Double#POSITIVE_INFINITY} for the
 *          diffusion limit
 * @param sigmaMin smallest noise level of the sampler, positive
 * @param sigmaMax largest noise level of the sampler, above sigmaMin and finite
 * @param rho exponent of the noise-level grid, positive
 * @param steps noise levels of the sampler, at least 2; the default of generation
 */
public record PfgmProcess(double augDim, double sigmaMin, double sigmaMax, double rho, int steps)
	implements ProcessSettings
{

	public PfgmProcess {
		if (!(augDim >= 1)) throw new IllegalArgumentException("aug_dim must be at least 1 (or inf), got " + augDim);
		if (!(sigmaMin > 0) || !(sigmaMax > sigmaMin) || Double.isInfinite(sigmaMax)) {
			throw new IllegalArgumentException("sigma_min and sigma_max must satisfy 0 < sigma_min < " +
				"sigma_max < inf, got " + sigmaMin + " and " + sigmaMax);
		}
		if (!(rho > 0) || Double.isInfinite(rho)) {
			throw new IllegalArgumentException("rho must be positive and finite, got " + rho);
		}
		if (steps < 2) throw new IllegalArgumentException("steps must be at least 2, got " + steps);
	}

	/** The EDM noise levels of {@link SigmaGrid#edm} (SPEC §5) for an augmented dimension D. */
	public static PfgmProcess defaults(final double augDim) {
		return new PfgmProcess(augDim, SigmaGrid.SIGMA_MIN, SigmaGrid.SIGMA_MAX, SigmaGrid.RHO,
			SigmaGrid.DEFAULT_STEPS);
	}

	/** "PFGM (D = 1)", "PFGM++ (D = 128)" or "PFGM++ (D = inf, diffusion)", for reports and the UI. */
	public String label() {
		if (augDim == Double.POSITIVE_INFINITY) return "PFGM++ (D = inf, diffusion)";
		final String d = augDim == Math.rint(augDim) ? String.valueOf((long) augDim) : String.valueOf(augDim);
		return (augDim == 1 ? "PFGM" : "PFGM++") + " (D = " + d + ")";
	}

	@Override
	public ModelFamily family() {
		return ModelFamily.PFGMPP;
	}

	@Override
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.add("aug_dim", Double.isInfinite(augDim) ? new JsonPrimitive("inf") : new JsonPrimitive(augDim));
		o.addProperty("sigma_min", sigmaMin);
		o.addProperty("sigma_max", sigmaMax);
		o.addProperty("rho", rho);
		o.addProperty("steps", steps);
		return o;
	}

	static ProcessSettings fromJson(final JsonObject o) {
		return new PfgmProcess(augDim(o), ModelJson.number(o, "sigma_min"), ModelJson.number(o, "sigma_max"),
			ModelJson.number(o, "rho"), ModelJson.integer(o, "steps"));
	}

	private static double augDim(final JsonObject pfgm) {
		final JsonElement e = ModelJson.required(pfgm, "aug_dim");
		if (e.isJsonPrimitive() && e.getAsJsonPrimitive().isString()) {
			final String text = e.getAsString().trim();
			if (text.equalsIgnoreCase("inf")) return Double.POSITIVE_INFINITY;
			throw new IllegalArgumentException("'aug_dim' must be a number or \"inf\", got \"" + text + "\"");
		}
		return ModelJson.number(pfgm, "aug_dim");
	}
}
