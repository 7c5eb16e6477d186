package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.util.List;

import org.physgen.PhysGenModels;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.train.TrainingConfig;
import org.physgen.volume.FailureReasons;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Plugins > PhysGen > Import TorchScript Model: wraps a network exported from PyTorch (TorchScript
 * .pt) into a .physgen model that Generate Volumes and Inpaint Region can use. A reference volume
 * gives the phases, the voxel size and the training-fraction statistics.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Import TorchScript Model", headless = true,
	label = "Import TorchScript Model")
public class ImportTorchScriptModelCommand extends ContextCommand {

	@Parameter(label = "TorchScript file (.pt)", style = "open", persist = false,
		description = "Saved with torch.jit.save; see the README for the inputs and outputs it must have")
	private File torchscript_file;

	@Parameter(label = "Reference image", required = false,
		description = "A segmented stack of the material (the active image); ignored when input_file is given")
	private ImagePlus image;

	@Parameter(label = "Reference file (optional)", style = "open", required = false, persist = false,
		description = "Segmented volume giving the phases, the voxel size and the phase fractions")
	private File input_file;

	@Parameter(label = "Model file (.physgen)", style = "save", persist = false)
	private File model_file;

	@Parameter(label = "Family", choices = { "dsd", "pfgmpp" })
	private String family = "dsd";

	@Parameter(label = "Crop size the network was trained on", min = "4")
	private int crop_size = TrainingConfig.DEFAULT_CROP_SIZE;

	@Parameter(label = "Size multiple", min = "1",
		description = "Every size the network accepts is a multiple of this (2^(levels-1) for a U-Net)")
	private int size_multiple = 4;

	@Parameter(label = "Conditioned on fractions",
		description = "The network takes the target fractions of phases 1..P-1 as third argument")
	private boolean conditioned = false;

	@Parameter(label = "DSD hop rate r (0 = 0.25 x crop_size^2)", min = "0")
	private double hop_rate = 0;

	@Parameter(label = "DSD noise schedule", choices = { "blackout", "linear", "quadratic", "power3",
		"power4", "power5", "power6", "power7", "exp", "cosine" })
	private String schedule = "blackout";

	@Parameter(label = "DSD schedule steps T", min = "3")
	private int schedule_steps = org.physgen.lattice.Schedule.DEFAULT_STEPS;

	@Parameter(label = "DSD boundary", choices = { "periodic", "reflecting" })
	private String boundary = "periodic";

	@Parameter(label = "PFGM++ extra dimensions D (number or inf)")
	private String aug_dim = "128";

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "Imported model")
	private String summary;

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			if (torchscript_file == null) throw new IllegalArgumentException("torchscript_file is required");
			if (model_file == null) throw new IllegalArgumentException("model_file is required");
			OutputChecks.modelFile("model_file", model_file, "torchscript_file", torchscript_file, "input_file",
				input_file);
			final VolumeInput input = VolumeInput.of("input_file", input_file, "image", image);
			final TrainingConfig config = TrainingConfig.of(ModelFamily.parse(family), model_file.toPath())
				.cropSize(crop_size).schedule(ScheduleKind.parse(schedule)).scheduleSteps(schedule_steps)
				.boundary(Boundary.parse(boundary)).augDim(TrainingConfig.parseAugDim(aug_dim))
				.dataName(input.name());
			if (!(hop_rate >= 0) || Double.isInfinite(hop_rate)) {
				throw new IllegalArgumentException("hop_rate must be positive and finite, or 0 for the default, got "
					+ hop_rate);
			}
			if (hop_rate > 0) config.rate(hop_rate);
			final ModelMetadata metadata;
			try {
				metadata = PhysGenModels.importTorchScript(torchscript_file.toPath(),
					List.of(input.volume()), config, size_multiple, conditioned, ProgressListeners.lines(log));
			}
			catch (final IOException e) {
				throw new IllegalArgumentException(FailureReasons.withFile(e), e);
			}
			summary = metadata.family().displayName() + " model " +
				model_file.getAbsolutePath() + " with phases " + metadata.phases().names() + ", crop " +
				metadata.cropSize();
		});
	}
}
