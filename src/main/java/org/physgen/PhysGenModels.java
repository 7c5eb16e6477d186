package org.physgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

import org.physgen.model.Family;
import org.physgen.model.GenerativeModel;
import org.physgen.model.dsd.DsdFamily;
import org.physgen.nn.ComputeDevice;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.TorchScriptImport;
import org.physgen.train.CropSampler;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingMetadata;
import org.physgen.train.TrainingResult;
import org.physgen.train.TrainingRun;
import org.physgen.volume.LabelVolume;

import ai.djl.Device;

/**
 * The library API: train a model bundle, load one of any family, then generate or inpaint with the
 * {@link GenerativeModel}. Each call finds the family's strategy in {@link Families}.
 */
public final class PhysGenModels {

	private PhysGenModels() {}

	/**
	 * Trains (or resumes) a model on random crops of the volumes and writes the bundle to
	 * {@code config.modelFile()}, checkpointing on the way.
	 */
	public static TrainingResult train(final List<LabelVolume> volumes, final TrainingConfig config,
		final TrainingListener listener) throws IOException
	{
		return TrainingRun.train(volumes, config, Families.of(config.family()), listener);
	}

	/**
	 * Wraps a TorchScript network exported from PyTorch into a model bundle at
	 * {@code config.modelFile()}. The reference volumes give the phase table, the voxel size and the
	 * phase-fraction statistics of {@code config.cropSize()} crops; the configuration gives the family
	 * and the process settings (DSD hop rate, schedule and boundary; PFGM++ D). The network must follow
	 * the I/O contract of the family (README, "Importing a TorchScript network"); one forward pass is
	 * tried before anything is written.
	 *
	 * @param sizeMultiple every spatial size the network accepts is a multiple of this
	 * @param conditioned whether the network takes the target fractions as third argument
	 * @param log receives the device decision and the thread notes
	 */
	public static ModelMetadata importTorchScript(final Path torchScriptFile,
		final List<LabelVolume> reference, final TrainingConfig config, final int sizeMultiple,
		final boolean conditioned, final Consumer<String> log) throws IOException
	{
		config.validate();
		final Family family = Families.of(config.family());
		final CropSampler crops = new CropSampler(reference, config.cropSize());
		final ModelMetadata metadata = ModelMetadata.builder(family.id()).phases(crops.phases())
			.torchScript(family.io(crops.phases().phaseCount(), conditioned, sizeMultiple))
			.voxelSize(reference.get(0).voxelSize())
			.cropSize(config.cropSize())
			.boundary(family.boundary(config))
			.process(family.settings(config))
			.trainingData(TrainingMetadata.statistics(config, crops))
			.build();
		DjlRuntime.start(config.threads(), log);
		final Device device = ComputeDevice.parse(config.device()).resolve(log);
		return TorchScriptImport.importFile(torchScriptFile, metadata, config.modelFile(), device);
	}

	/**
	 * Loads a model bundle.
	 *
	 * @param device "auto", "cpu", "gpu" or "gpu:N"; falls back to CPU with a warning
	 * @param threads CPU threads, 0 for all cores
	 */
	public static GenerativeModel load(final Path file, final String device, final int threads)
		throws IOException
	{
		return load(file, device, threads, line -> {});
	}

	/** As {@link #load(Path, String, int)}, with device and thread notes sent to {@code log}. */
	public static GenerativeModel load(final Path file, final String device, final int threads,
		final Consumer<String> log) throws IOException
	{
		return ModelLoader.load(file, device, threads, log);
	}

	/**
	 * How well a DSD model has learned the reverse process of one crop: its loss and that of the
	 * untrained forward rates at each of the given forward times, on the crop noised with a fixed seed
	 * (the divergence of {@code dsd.DsdLoss#divergence}, per particle and direction; a model has
	 * learned at a time where its loss is below the forward rates').
	 *
	 * @param crop a volume of the model's crop size, with the model's phases
	 * @param tau forward times τ = r·t, each in (0, r·t_max]
	 * @return {@code [2][tau.length]}: the model's loss, then the forward rates'
	 * @throws IllegalArgumentException for a PFGM++ model, another crop size, or τ out of range
	 */
	public static double[][] dsdLossByTime(final GenerativeModel model, final LabelVolume crop,
		final double[] tau, final long seed)
	{
		return DsdFamily.lossByTime(model, crop, tau, seed);
	}
}
