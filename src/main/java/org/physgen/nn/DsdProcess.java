package org.physgen.nn;

import com.google.gson.JsonObject;
import org.physgen.dsd.TimeWeighting;
import org.physgen.lattice.Schedule;
import org.physgen.lattice.ScheduleKind;

/**
 * Settings of the DSD forward process a model was trained with (SPEC §4), the {@code dsd} section of
 * {@code model.json}.
 *
 * @param rate hop rate r per particle and unit time, positive and finite
 * @param schedule shape of the noise schedule
 * @param scheduleSteps number of time indices T, at least 3
 * @param tolerance step tolerance of the tau-leap sampler, in (0, 1]; the default of generation
 * @param rateHead how the network output becomes a rate ({@link RateHead#SOFTPLUS} for models
 *          written before it was recorded)
 * @param timeWeighting weight of each time index in the training loss ({@link TimeWeighting#DELTA_T}
 *          for models written before it was recorded)
 */
public record DsdProcess(double rate, ScheduleKind schedule, int scheduleSteps, double tolerance,
	RateHead rateHead, TimeWeighting timeWeighting) implements ProcessSettings
{

	public DsdProcess {
		if (!(rate > 0) || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("rate must be positive and finite, got " + rate);
		}
		if (schedule == null) throw new IllegalArgumentException("schedule must be named");
		if (scheduleSteps < 3) {
			throw new IllegalArgumentException("schedule_steps must be at least 3, got " + scheduleSteps);
		}
		if (!(tolerance > 0 && tolerance <= 1)) {
			throw new IllegalArgumentException("tolerance must be in (0, 1], got " + tolerance);
		}
		if (rateHead == null) throw new IllegalArgumentException("rate_head must be named");
		if (timeWeighting == null) throw new IllegalArgumentException("time_weighting must be named");
	}

	/** Settings of a model file written before the rate head and time weighting were recorded. */
	public DsdProcess(final double rate, final ScheduleKind schedule, final int scheduleSteps,
		final double tolerance)
	{
		this(rate, schedule, scheduleSteps, tolerance, RateHead.SOFTPLUS, TimeWeighting.DELTA_T);
	}

	/** The schedule of T time indices. */
	public Schedule timeSchedule() {
		return new Schedule(schedule, scheduleSteps);
	}

	@Override
	public ModelFamily family() {
		return ModelFamily.DSD;
	}

	@Override
	public JsonObject toJson() {
		final JsonObject o = new JsonObject();
		o.addProperty("rate", rate);
		o.addProperty("schedule", schedule.label());
		o.addProperty("schedule_steps", scheduleSteps);
		o.addProperty("tolerance", tolerance);
		o.addProperty("rate_head", rateHead.label());
		o.addProperty("time_weighting", timeWeighting.label());
		return o;
	}

	/** Reads the section; a file without rate_head or time_weighting gets the legacy ones. */
	static ProcessSettings fromJson(final JsonObject o) {
		return new DsdProcess(ModelJson.number(o, "rate"), ScheduleKind.parse(ModelJson.string(o, "schedule")),
			ModelJson.integer(o, "schedule_steps"), ModelJson.number(o, "tolerance"),
			o.has("rate_head") ? RateHead.parse(ModelJson.string(o, "rate_head")) : RateHead.SOFTPLUS,
			o.has("time_weighting") ? TimeWeighting.parse(ModelJson.string(o, "time_weighting"))
				: TimeWeighting.DELTA_T);
	}
}
