package org.physgen.fiji;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.physgen.PhysGenModels;
import org.physgen.metrics.Metric;
import org.physgen.metrics.MicrostructureStatistics;
import org.physgen.metrics.report.VolumeStatistics;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.InpaintRegions;
import org.physgen.model.TargetFractions;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.physgen.train.TrainingResult;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeReader;
import org.scijava.log.LogService;
import org.scijava.options.OptionsService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.service.AbstractService;
import org.scijava.service.SciJavaService;
import org.scijava.service.Service;

import ij.ImagePlus;

/**
 * PhysGen for scripts (Groovy, Jython, JavaScript in Fiji's script editor, or any SciJava context):
 * <pre>
 * #@ PhysGenService physgen
 * volume = physgen.read("rock.tif")
 * physgen.train(volume, physgen.dsdConfig("rock.physgen").steps(500))
 * model = physgen.load("rock.physgen")
 * volumes = physgen.generate(model, 4, 64, "0.2", 7)
 * physgen.save(volumes[0], "rock-gen-1.tif")
 * edited = physgen.inpaint(model, volume, "8,8,8,16,16,16", "", 3)
 * table = physgen.statistics(edited, "all", "fractions,s2")
 * model.close()
 * </pre>
 * Paths are strings so every script language can pass them. Training progress and model messages
 * go to the log.
 */
@Plugin(type = Service.class)
public class PhysGenService extends AbstractService implements SciJavaService {

	/** Training progress is logged at most this often. */
	private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

	@Parameter(required = false)
	private LogService log;

	@Parameter(required = false)
	private OptionsService options;

	/** Takes the libtorch folder of Edit > Options > PhysGen, saved in an earlier session. */
	@Override
	public void initialize() {
		if (options != null) options.getOptions(PhysGenOptions.class).apply();
	}

	/** A DSD training configuration writing to the given model file, with the default settings. */
	public TrainingConfig dsdConfig(final String modelFile) {
		return TrainingConfig.dsd(Path.of(modelFile));
	}

	/** A PFGM++ training configuration writing to the given model file, with the default settings. */
	public TrainingConfig pfgmConfig(final String modelFile) {
		return TrainingConfig.pfgm(Path.of(modelFile));
	}

	/** A local-DSM training configuration writing to the given model file, with the default settings. */
	public TrainingConfig ldsmConfig(final String modelFile) {
		return TrainingConfig.ldsm(Path.of(modelFile));
	}

	/** A Yukawa training configuration writing to the given model file, with the default settings. */
	public TrainingConfig yukawaConfig(final String modelFile) {
		return TrainingConfig.yukawa(Path.of(modelFile));
	}

	/** Trains on one volume; progress goes to the log. */
	public TrainingResult train(final LabelVolume volume, final TrainingConfig config) throws IOException {
		return train(List.of(volume), config, loggingListener());
	}

	/** Trains on an open segmented stack. */
	public TrainingResult train(final ImagePlus image, final TrainingConfig config) throws IOException {
		return train(volume(image), config.dataName(image.getTitle()));
	}

	/**
	 * Trains on several volumes with a listener of the caller's (to show progress or cancel).
	 *
	 * @throws IllegalArgumentException before training when the model file cannot be written or exists
	 *           and is not a PhysGen model
	 */
	public TrainingResult train(final List<LabelVolume> volumes, final TrainingConfig config,
		final TrainingListener listener) throws IOException
	{
		config.validate();
		OutputChecks.modelFile("model file", config.modelFile().toFile());
		return PhysGenModels.train(volumes, config, listener);
	}

	/** Loads a model bundle on the best device (a GPU when usable) with the idle cores. */
	public GenerativeModel load(final String modelFile) throws IOException {
		return load(modelFile, "auto", 0);
	}

	/**
	 * Loads a model bundle; close it when done.
	 *
	 * @param device auto, cpu, gpu or gpu:N
	 * @param threads CPU threads, 0 for the idle cores (the cores less the system load)
	 */
	public GenerativeModel load(final String modelFile, final String device, final int threads) throws IOException {
		return PhysGenModels.load(Path.of(modelFile), device, threads, ProgressListeners.lines(log));
	}

	/**
	 * Generates cubes with exact phase counts.
	 *
	 * @param fractions "" or "mean" (training mean), "sample", or fractions of phases 1..P-1 such as "0.2"
	 */
	public List<LabelVolume> generate(final GenerativeModel model, final int count, final int size,
		final String fractions, final long seed)
	{
		return generate(model, GenerationRequest.cube(count, size, TargetFractions.parse(fractions), seed));
	}

	/** Generates volumes as the request says (sizes per axis, batch size, sampler settings). */
	public List<LabelVolume> generate(final GenerativeModel model, final GenerationRequest request) {
		return model.generate(request, loggingGenerationListener());
	}

	/**
	 * Regenerates a box of a volume with a model that can inpaint, keeping every voxel outside it,
	 * with the model's sampler settings.
	 *
	 * @param box "x,y,z,width,height,depth" in voxels, the first corner from 0
	 * @param regionCounts "" to keep the box's phase counts, or its counts as Inpaint Region takes them
	 * @throws IllegalArgumentException naming the rule broken (box, region counts, size or model)
	 */
	public LabelVolume inpaint(final GenerativeModel model, final LabelVolume volume, final String box,
		final String regionCounts, final long seed)
	{
		return inpaint(model, volume, InpaintRegions.box(box, volume.sizeX(), volume.sizeY(), volume.sizeZ()),
			regionCounts, seed);
	}

	/**
	 * As {@link #inpaint(GenerativeModel, LabelVolume, String, String, long)}, with the region as a
	 * per-slice mask ({@code mask[z][x + sizeX·y]} non-zero = regenerate).
	 */
	public LabelVolume inpaint(final GenerativeModel model, final LabelVolume volume, final byte[][] mask,
		final String regionCounts, final long seed)
	{
		return InpaintRegions.inpaint(model, volume, mask, InpaintRegions.regionCounts(regionCounts, volume, mask),
			seed, GenerationRequest.MODEL_SETTING,
			GenerationRequest.DEFAULT_STEP_FRACTION, GenerationRequest.DEFAULT_SHARPENING,
			loggingGenerationListener());
	}

	/**
	 * Microstructure statistics of a volume, as Microstructure Statistics measures them.
	 *
	 * @param phases "all", or comma-separated phase indices or names
	 * @param metrics "all", or comma-separated metric names (fractions, s2, lineal_path, ...)
	 * @throws IllegalArgumentException naming an unknown phase or metric, or when the heap is too small
	 */
	public VolumeStatistics statistics(final LabelVolume volume, final String phases, final String metrics) {
		return MicrostructureStatistics.measure(volume, "volume", MicrostructureStatistics.parsePhases(phases,
			volume.phases()), Metric.parseList(metrics), fraction -> {}, () -> false);
	}

	/** Reads a segmented volume (TIFF, or a ZIP holding one). */
	public LabelVolume read(final String file) throws IOException {
		return VolumeReader.read(Path.of(file));
	}

	/** Writes a volume as a TIFF with its phase table and voxel size. */
	public void save(final LabelVolume volume, final String file) throws IOException {
		TiffVolumeWriter.write(volume, Path.of(file));
	}

	/** The label volume of an open segmented stack (sharing its pixels when they are phase indices). */
	public LabelVolume volume(final ImagePlus image) {
		return ImagePlusVolumes.fromImagePlus(image);
	}

	/** A calibrated Z stack sharing the volume's pixels, to show with {@code show()}. */
	public ImagePlus image(final LabelVolume volume, final String title) {
		return ImagePlusVolumes.toImagePlus(volume, title);
	}

	/** Stacks of several volumes, one per volume, titled title-1, title-2, ... */
	public List<ImagePlus> images(final List<LabelVolume> volumes, final String title) {
		final List<ImagePlus> images = new ArrayList<>();
		for (int i = 0; i < volumes.size(); i++) images.add(image(volumes.get(i), title + "-" + (i + 1)));
		return images;
	}

	private GenerationListener loggingGenerationListener() {
		return new GenerationListener() {

			@Override
			public void log(final String message) {
				if (log != null) log.info(message);
			}
		};
	}

	private TrainingListener loggingListener() {
		return new TrainingListener() {

			private long last = System.nanoTime() - LOG_INTERVAL_NANOS;

			@Override
			public void progress(final TrainingProgress progress) {
				final long now = System.nanoTime();
				if (log != null && (now - last >= LOG_INTERVAL_NANOS || progress.step() == progress.totalSteps())) {
					last = now;
					log.info(progress.describe());
				}
			}

			@Override
			public void log(final String message) {
				if (log != null) log.info(message);
			}
		};
	}
}
