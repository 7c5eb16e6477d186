package org.physgen.nn;

import com.google.gson.JsonObject;
import org.physgen.ldsm.ForwardProcess;
import org.physgen.ldsm.LocalPairs;
import org.physgen.ldsm.SamplerKind;
import org.physgen.ldsm.TimeSampling;
import org.physgen.ldsm.TimeGrid;

/**
 * Settings of the local-DSM process a model was trained with (SPEC §12), the {@code ldsm} section
 * of {@code model.json}.
 *
 * <p>The defaults are measured, not guessed. Forward marginal at T against the prior π (KS distance
 * over 200 000 independent voxels, Euler–Maruyama from y₀ = +1 and from y₀ = −1;
 * {@code ForwardMarginalTest}): a Fokker–Planck solve puts the exact process within KS 0.005 of π by
 * T = 6 (a = 2) or 6.5 (a = 4) at φ = 0.5, sooner when tilted, and within 0.001 by 7.5 (a = 2) or
 * 8.5 (a = 4); a = 6 and 8 need T = 11 and 14. The Euler–Maruyama simulation adds its own bias,
 * which grows with the wells' stiffness 2a: at T = 8 with steps of 0.01 the KS distance reached
 * 0.009 (a = 2) and 0.013 (a = 4) at φ = 0.2 and 0.05; with steps of 0.005, a = 2 stays at
 * about 0.006 or below for φ ∈ {0.5, 0.2, 0.1, 0.05} (the test: 0.0029 and 0.0022 untilted, 0.0062
 * and 0.0061 at φ = 0.1). Hence a = 2 (barrier a/4 = 0.5), T = 8 and forward steps of 0.005.
 * Sampler (no-network oracle, {@code NoNetworkSamplerTest}, exact Fokker–Planck score, φ = 0.3):
 * the probability-flow ODE with ρ = 2 gives P(y > 0) within 0.002 of φ from 25 steps (49
 * evaluations); the reverse SDE needs about 200 steps for 0.01 and overflows below about 50 (the
 * sampler now clamps values to ±5 instead).</p>
 *
 * @param barrier a of the double well, positive and finite
 * @param horizon T, where the forward marginal is the prior; above t_min
 * @param delta δ of the linearised local step, in (0, 0.1]
 * @param forwardStep Euler–Maruyama step of the forward simulation, in (0, 0.01]
 * @param tMin the time the sampler stops at, at least 2δ (the smallest training time)
 * @param rho exponent of the sampler's {@link TimeGrid}
 * @param steps sampler steps, at least 2; the default of generation
 * @param sampler reverse SDE or probability-flow ODE
 * @param timeSampling how training draws the pairs' start times ({@code time_sampling}; files
 *          without it: log-uniform, the only way before the setting existed)
 * @param stationaryBaseline whether the score is the stationary score −U'(y) of the value's own well
 *          plus the network's correction ({@code score_baseline} "stationary"), or the network's alone
 *          ("none", models written before the setting existed)
 */
public record LocalDsmProcess(double barrier, double horizon, double delta, double forwardStep, double tMin,
	double rho, int steps, SamplerKind sampler, TimeSampling timeSampling, boolean stationaryBaseline)
	implements ProcessSettings
{

	public static final double DEFAULT_BARRIER = 2;
	public static final double DEFAULT_HORIZON = 8;
	public static final double DEFAULT_DELTA = 0.01;
	public static final double DEFAULT_FORWARD_STEP = 0.005;
	public static final double DEFAULT_RHO = 2;
	public static final int DEFAULT_STEPS = 25;

	public static final TimeSampling DEFAULT_TIME_SAMPLING = TimeSampling.LOG_UNIFORM;

	private static final String BASELINE = "score_baseline";
	private static final String TIME_SAMPLING = "time_sampling";
	private static final String STATIONARY = "stationary";

	public LocalDsmProcess {
		if (!(barrier > 0) || Double.isInfinite(barrier)) {
			throw new IllegalArgumentException("barrier must be positive and finite, got " + barrier);
		}
		// the physics types check forward_step, delta, the times and rho, naming each
		new LocalPairs(new ForwardProcess(barrier, forwardStep), delta);
		if (!(tMin >= 2 * delta)) {
			throw new IllegalArgumentException("t_min must be at least 2·delta = " + 2 * delta + ", got " + tMin);
		}
		new TimeGrid(steps, tMin, horizon, rho);
		if (steps < 2) throw new IllegalArgumentException("steps must be at least 2, got " + steps);
		if (sampler == null) throw new IllegalArgumentException("sampler must be named");
		if (timeSampling == null) throw new IllegalArgumentException("time_sampling must be named");
	}

	/** The measured defaults above, with t_min = 2δ, and the given sampler. */
	public static LocalDsmProcess defaults(final SamplerKind sampler) {
		return defaults(sampler, DEFAULT_DELTA, DEFAULT_TIME_SAMPLING);
	}

	/**
	 * The measured defaults with another δ of the local step, t_min = 2δ, and the given time sampling.
	 *
	 * @throws IllegalArgumentException naming {@code delta} when it is outside (0, 0.1]
	 */
	public static LocalDsmProcess defaults(final SamplerKind sampler, final double delta,
		final TimeSampling timeSampling)
	{
		return new LocalDsmProcess(DEFAULT_BARRIER, DEFAULT_HORIZON, delta, DEFAULT_FORWARD_STEP, 2 * delta,
			DEFAULT_RHO, sampler == SamplerKind.SDE ? 8 * DEFAULT_STEPS : DEFAULT_STEPS, sampler, timeSampling, true);
	}

	/** The sampler's time grid with the given steps. */
	public TimeGrid grid(final int samplerSteps) {
		return new TimeGrid(samplerSteps, tMin, horizon, rho);
	}

	/** The forward simulation of training. */
	public ForwardProcess forward() {
		return new ForwardProcess(barrier, forwardStep);
	}

	/** "local-DSM (ODE)" or "local-DSM (SDE)", for reports and the UI. */
	public String label() {
		return "local-DSM (" + sampler.name() + ")";
	}

	@Override
	public ModelFamily family() {
		return ModelFamily.LDSM;
	}

	@Override
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("barrier", barrier);
		o.addProperty("horizon", horizon);
		o.addProperty("delta", delta);
		o.addProperty("forward_step", forwardStep);
		o.addProperty("t_min", tMin);
		o.addProperty("rho", rho);
		o.addProperty("steps", steps);
		o.addProperty("sampler", sampler.label());
		o.addProperty(TIME_SAMPLING, timeSampling.label());
		o.addProperty(BASELINE, stationaryBaseline ? STATIONARY : "none");
		return o;
	}

	static ProcessSettings fromJson(final JsonObject o) {
		return new LocalDsmProcess(ModelJson.number(o, "barrier"), ModelJson.number(o, "horizon"),
			ModelJson.number(o, "delta"), ModelJson.number(o, "forward_step"), ModelJson.number(o, "t_min"),
			ModelJson.number(o, "rho"), ModelJson.integer(o, "steps"), SamplerKind.parse(ModelJson.string(o, "sampler")),
			o.has(TIME_SAMPLING) ? TimeSampling.parse(ModelJson.string(o, TIME_SAMPLING)) : TimeSampling.LOG_UNIFORM,
			stationaryBaseline(o));
	}

	private static boolean stationaryBaseline(final JsonObject o) {
		if (!o.has(BASELINE)) return false;
		final String value = ModelJson.string(o, BASELINE);
		if (!value.equals(STATIONARY) && !value.equals("none")) {
			throw new IllegalArgumentException(BASELINE + " must be 'stationary' or 'none', got '" + value + "'");
		}
		return value.equals(STATIONARY);
	}
}
