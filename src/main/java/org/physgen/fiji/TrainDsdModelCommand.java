package org.physgen.fiji;

import java.nio.file.Path;
import java.util.Locale;

import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.train.TrainingConfig;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins > PhysGen > Train DSD Model: trains a Discrete Spatial Diffusion model on random crops of a
 * segmented volume and writes the model bundle.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Train DSD Model", headless = true,
	label = "Train DSD Model")
public class TrainDsdModelCommand extends TrainModelCommand {

	@Parameter(label = "Hop rate r (0 = 0.25 x crop_size^2)", min = "0",
		description = "Rate at which particles hop to a neighbouring voxel in the forward process;"
			+ " 0 picks 0.25 L^2, which mixes an L^3 crop by t = 1")
	private double hop_rate = 0;

	@Parameter(label = "Noise schedule", choices = { "blackout", "linear", "quadratic", "power3", "power4",
		"power5", "power6", "power7", "exp", "cosine" })
	private String schedule = TrainingConfig.DEFAULT_SCHEDULE.label();

	@Parameter(label = "Boundary", choices = { "periodic", "reflecting" },
		description = "periodic: opposite crop faces are neighbours; reflecting: particles stay inside")
	private String boundary = TrainingConfig.DEFAULT_BOUNDARY.name().toLowerCase(Locale.ROOT);

	@Override
	TrainingConfig configure(final Path modelFile) {
		final TrainingConfig config = TrainingConfig.dsd(modelFile).schedule(ScheduleKind.parse(schedule))
			.boundary(Boundary.parse(boundary));
		if (!(hop_rate >= 0) || Double.isInfinite(hop_rate)) {
			throw new IllegalArgumentException("hop_rate must be positive and finite, or 0 for the default, got "
				+ hop_rate);
		}
		return hop_rate > 0 ? config.rate(hop_rate) : config;
	}
}
