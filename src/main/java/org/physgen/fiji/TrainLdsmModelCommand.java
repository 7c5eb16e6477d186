package org.physgen.fiji;

import java.nio.file.Path;

import org.physgen.ldsm.SamplerKind;
import org.physgen.ldsm.TimeSampling;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.train.TrainingConfig;
import org.scijava.command.Command;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/**
 * Plugins > PhysGen > Train local-DSM Model: trains a local denoising score-matching model of a
 * double-well diffusion (SPEC §12) on random crops of a segmented volume and writes the model bundle.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Train local-DSM Model", headless = true,
	label = "Train local-DSM Model")
public class TrainLdsmModelCommand extends TrainModelCommand {

	@Parameter(label = "Sampler", choices = { "ode", "sde" }, persist = false,
		description = "How generation runs back from the prior, recorded in the model file: ode = the probability-flow"
			+ " ODE by Heun (25 steps, 49 network evaluations); sde = the reverse SDE by Euler-Maruyama (200 steps)")
	private String sampler = SamplerKind.ODE.label();

	@Parameter(label = "Local step delta", min = "0.001", max = "0.1", stepSize = "0.005", persist = false,
		description = "Time step of the linearised local transitions the score is learned from (SPEC §12); the " +
			"sampler stops at 2·delta. Larger: more signal per training pair, a coarser last step")
	private double delta = LocalDsmProcess.DEFAULT_DELTA;

	@Parameter(label = "Time sampling", choices = { "log-uniform", "uniform" }, persist = false,
		description = "How training spreads the pairs over time: log-uniform (every decade of time alike, the " +
			"small times where the structure is decided get most pairs) or uniform in time")
	private String time_sampling = LocalDsmProcess.DEFAULT_TIME_SAMPLING.label();

	@Override
	TrainingConfig configure(final Path modelFile) {
		return TrainingConfig.ldsm(modelFile).sampler(SamplerKind.parse(sampler)).delta(delta).timeSampling(TimeSampling.parse(time_sampling));
	}
}
