package org.physgen.fiji;

import java.nio.file.Path;
import java.util.Locale;

import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.train.TrainingConfig;
import org.physgen.yukawa.SurvivalShape;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins > PhysGen > Train Yukawa Model: trains a Yukawa birth/death model (SPEC 13) on random crops
 * of a segmented volume and writes the model bundle.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Train Yukawa Model", headless = true,
	label = "Train Yukawa Model")
public class TrainYukawaModelCommand extends TrainModelCommand {

	@Parameter(label = "Hop rate r (0 = 0.25 x crop_size^2)", min = "0", persist = false,
		description = "Rate at which particles hop to a neighbouring voxel in the forward process;"
			+ " 0 picks 0.25 L^2")
	private double hop_rate = 0;

	@Parameter(label = "Survival", choices = { "linear", "blackout" }, persist = false,
		description = "Share of particles still alive at time t: linear 1 - t, or blackout (most die early)")
	private String survival = SurvivalShape.LINEAR.label();

	@Parameter(label = "Time schedule", choices = { "blackout", "linear", "quadratic", "power3", "power4",
		"power5", "power6", "power7", "exp", "cosine" }, persist = false)
	private String schedule = TrainingConfig.DEFAULT_SCHEDULE.label();

	@Parameter(label = "Boundary", choices = { "periodic", "reflecting" }, persist = false,
		description = "periodic: opposite crop faces are neighbours; reflecting: particles stay inside")
	private String boundary = TrainingConfig.DEFAULT_BOUNDARY.name().toLowerCase(Locale.ROOT);

	@Override
	TrainingConfig configure(final Path modelFile) {
		final TrainingConfig config = TrainingConfig.yukawa(modelFile).schedule(ScheduleKind.parse(schedule))
			.boundary(Boundary.parse(boundary)).survival(SurvivalShape.parse(survival));
		if (!(hop_rate >= 0) || Double.isInfinite(hop_rate)) {
			throw new IllegalArgumentException("hop_rate must be positive and finite, or 0 for the default, got "
				+ hop_rate);
		}
		return hop_rate > 0 ? config.rate(hop_rate) : config;
	}
}
