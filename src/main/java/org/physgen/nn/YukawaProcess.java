package org.physgen.nn;

import com.google.gson.JsonObject;
import org.physgen.lattice.Schedule;
import org.physgen.lattice.ScheduleKind;
import org.physgen.yukawa.SurvivalShape;

/**
 * Settings of the Yukawa forward process a model was trained with (SPEC 13), the {@code yukawa}
 * section of {@code model.json}. Hops are read through {@link RateHead#EXP}.
 *
 * @param rate hop rate r per particle and unit time, positive and finite
 * @param schedule shape of the time schedule training draws its times from
 * @param scheduleSteps number of time indices T, at least 3
 * @param survival survival S(t) of a particle, S(0) = 1, S(1) = 0
 * @param tolerance CFL tolerance of the sampler's hop steps, in (0, 1]; the default of generation
 */
public record YukawaProcess(double rate, ScheduleKind schedule, int scheduleSteps, SurvivalShape survival,
	double tolerance) implements ProcessSettings
{

	public YukawaProcess {
		if (!(rate > 0) || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("rate must be positive and finite, got " + rate);
		}
		if (schedule == null) throw new IllegalArgumentException("schedule must be named");
		if (scheduleSteps < 3) {
			throw new IllegalArgumentException("schedule_steps must be at least 3, got " + scheduleSteps);
		}
		if (survival == null) throw new IllegalArgumentException("survival must be named");
		if (!(tolerance > 0 && tolerance <= 1)) {
			throw new IllegalArgumentException("tolerance must be in (0, 1], got " + tolerance);
		}
	}

	/** The schedule of T time indices. */
	public Schedule timeSchedule() {
		return new Schedule(schedule, scheduleSteps);
	}

	@Override
	public ModelFamily family() {
		return ModelFamily.YUKAWA;
	}

	@Override
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("rate", rate);
		o.addProperty("schedule", schedule.label());
		o.addProperty("schedule_steps", scheduleSteps);
		o.addProperty("survival", survival.label());
		o.addProperty("tolerance", tolerance);
		return o;
	}

	static ProcessSettings fromJson(final JsonObject o) {
		return new YukawaProcess(ModelJson.number(o, "rate"), ScheduleKind.parse(ModelJson.string(o, "schedule")),
			ModelJson.integer(o, "schedule_steps"), SurvivalShape.parse(ModelJson.string(o, "survival")),
			ModelJson.number(o, "tolerance"));
	}
}
