package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.physgen.model.GeneratedVolumes;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.GrowthSeries;
import org.physgen.model.TargetFractions;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.TimeFrames;
import org.physgen.volume.VolumeFiles;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;
import ij.ImageStack;

/**
 * Plugins > PhysGen > Generate Volumes: new volumes from a trained DSD, PFGM++, local-DSM or Yukawa model, with
 * exactly the requested phase voxel counts, as one stack (one time frame per volume) and as TIFF files; for
 * Yukawa models with {@code frames} also the growth of each volume from the empty box, as one hyperstack per
 * volume (Z slices × F time frames, each slice labelled with its reverse time) and as TIFF hyperstacks.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Generate Volumes", headless = true,
	label = "Generate Volumes")
public class GenerateVolumesCommand extends ContextCommand {

	/** Appended to a volume's file name stem and image title for its growth hyperstack. */
	static final String GROWTH_SUFFIX = "-growth";

	@Parameter(label = "Model file (.physgen)", style = "open", persist = false,
		description = "A model bundle trained by Train DSD Model, Train PFGM++ Model, Train local-DSM Model or Train Yukawa Model")
	private File model_file;

	@Parameter(label = "Number of volumes", min = "1")
	private int count = 1;

	@Parameter(label = "Size (voxels, cube edge)", min = "1",
		description = "Edge length of cubic volumes, a multiple of the model's size multiple;"
			+ " size_x, size_y, size_z override it per axis")
	private int size = 64;

	@Parameter(label = "Size x (0 = size)", min = "0", required = false)
	private int size_x = 0;

	@Parameter(label = "Size y (0 = size)", min = "0", required = false)
	private int size_y = 0;

	@Parameter(label = "Size z (0 = size)", min = "0", required = false)
	private int size_z = 0;

	@Parameter(label = "Phase fractions", required = false,
		description = "Empty or 'mean': the training mean; 'sample': drawn per volume from the training"
			+ " crops; or comma-separated fractions of phases 1..P-1, e.g. 0.2 or 0.40,0.15. Counts are exact")
	private String fractions = "";

	@Parameter(label = "Tolerance (DSD, 0 = the model's value)", min = "0", max = "1", stepSize = "0.01",
		description = "DSD sampler step control: smaller is slower and more accurate; 0 = the model's value")
	private double tolerance = GenerationRequest.MODEL_SETTING;

	@Parameter(label = "Step fraction (DSD)", min = "0", max = "0.99", stepSize = "0.01",
		description = "DSD steps may span this fraction of the remaining time while the volume is still noise;"
			+ " 0 uses the tolerance everywhere (slower)")
	private double step_fraction = GenerationRequest.DEFAULT_STEP_FRACTION;

	@Parameter(label = "Sharpening (DSD)", min = "1", max = "10", stepSize = "0.1",
		description = "DSD power on the learned rate ratios while structure forms: 1 samples the model as"
			+ " trained, larger values give sharper, more correlated volumes (see the README)")
	private double sharpening = GenerationRequest.DEFAULT_SHARPENING;

	@Parameter(label = "Steps (PFGM++, local-DSM; 0 = the model's value)", min = "0",
		description = "PFGM++ noise levels or local-DSM time steps, at least 2 (2 x steps - 1 network evaluations;"
			+ " steps for a local-DSM SDE sampler); 0 = the model's value")
	private int steps = GenerationRequest.MODEL_SETTING;

	@Parameter(label = "Batch size", min = "1", description = "Volumes sampled together (memory grows with it)")
	private int batch = 4;

	@Parameter(label = "Device", description = "auto, cpu, gpu or gpu:N; falls back to the CPU with a warning")
	private String device = "auto";

	@Parameter(label = "CPU threads (0 = the idle cores)", min = "0")
	private int threads = 0;

	@Parameter(label = "Seed", persist = false, description = "Same seed, same volumes (on the CPU)")
	private long seed = 1;

	@Parameter(label = "Growth frames (Yukawa; 0 = none)", min = "0", required = false, persist = false,
		description = "Yukawa models: also show each volume growing from the empty box, as a hyperstack of this"
			+ " many time frames at equally spaced reverse times from t = 1 to t = 0 (at least 2; the last is the"
			+ " volume), saved beside it as <volume>-growth.tif; 0 = none")
	private int frames = GenerationRequest.NO_FRAMES;

	@Parameter(label = "Output folder (optional)", style = "directory", required = false, persist = false,
		description = "Saves each volume as <model>-<seed>-<n>.tif, or <model>-<seed>-<n>_2.tif, ... when"
			+ " that name is taken")
	private File output_dir;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "Generated volumes")
	private ImagePlus volumes;

	@Parameter(type = ItemIO.OUTPUT, label = "Saved files")
	private String saved;

	/** One hyperstack per volume with frames > 0 (Z slices × F time frames); null without frames. */
	@Parameter(type = ItemIO.OUTPUT, label = "Growth of each volume")
	private List<ImagePlus> growth;

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			GenerationRequest.requireFrames(frames);
			OutputChecks.newFilesFolder("output_dir", output_dir);
			final TargetFractions targets = TargetFractions.parse(fractions);
			try (GenerativeModel model = ModelFiles.load(model_file, device, threads,
				ProgressListeners.lines(log))) {
				model.requireFrames(frames);
				final int sx = size_x > 0 ? size_x : size, sy = size_y > 0 ? size_y : size,
					sz = size_z > 0 ? size_z : size;
				model.requireSize(size_x > 0 ? "size_x" : "size", sx);
				model.requireSize(size_y > 0 ? "size_y" : "size", sy);
				model.requireSize(size_z > 0 ? "size_z" : "size", sz);
				model.requireTargets(targets, (long) sx * sy * sz);
				final GenerationRequest request = new GenerationRequest(count, sx, sy, sz, targets, seed,
					batch, tolerance, steps, step_fraction, sharpening, 0, frames);
				final GeneratedVolumes generated = model.generateWithGrowth(request, ProgressListeners.generation(
					this, status, log, "Generating " + count + " volume" + (count > 1 ? "s" : "")));
				final String base = VolumeFiles.baseName(model_file.toPath());
				saved = output_dir == null ? "" : save(generated, base);
				final String title = String.format(Locale.ROOT, "%s-%d", base, seed);
				volumes = stack(generated.volumes(), title);
				growth = frames == GenerationRequest.NO_FRAMES ? null : growthImages(generated.growth(), title);
			}
		});
	}

	/**
	 * Writes each volume as a new file and, with growth frames, its growth beside it as
	 * {@code <volume file's stem>-growth.tif}; returns the files, one per line.
	 */
	private String save(final GeneratedVolumes generated, final String base) {
		final List<String> files = new ArrayList<>();
		for (int i = 0; i < generated.volumes().size(); i++) {
			final String stem = String.format(Locale.ROOT, "%s-%d-%d", base, seed, i + 1);
			final LabelVolume volume = generated.volumes().get(i);
			final Path file = write(stem, folder -> TiffVolumeWriter.writeNew(volume, folder, stem));
			files.add(file.toAbsolutePath().toString());
			if (!generated.growth().isEmpty()) {
				final String growthStem = VolumeFiles.baseName(file) + GROWTH_SUFFIX;
				final TimeFrames growthFrames = generated.growth().get(i).timeFrames();
				files.add(write(growthStem, folder -> TiffVolumeWriter.writeNew(growthFrames, folder, growthStem))
					.toAbsolutePath().toString());
			}
		}
		return String.join("\n", files);
	}

	/** Writes one new file in output_dir, naming the parameter and the file when it fails. */
	private Path write(final String stem, final NewFile writer) {
		try {
			return writer.writeIn(output_dir.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("output_dir '" + output_dir + "': " + stem
				+ ".tif could not be written: " + FailureReasons.withFile(e), e);
		}
	}

	/** Writes a file under a fresh name in a folder and returns it. */
	@FunctionalInterface
	private interface NewFile {

		Path writeIn(Path folder) throws IOException;
	}

	/** One hyperstack per volume, titled {@code <title>-<n>-growth}, sharing the frames' arrays. */
	static List<ImagePlus> growthImages(final List<GrowthSeries> growth, final String title) {
		final List<ImagePlus> images = new ArrayList<>(growth.size());
		for (int i = 0; i < growth.size(); i++) {
			images.add(ImagePlusVolumes.toHyperstack(growth.get(i).timeFrames(), String.format(Locale.ROOT,
				"%s-%d%s", title, i + 1, GROWTH_SUFFIX)));
		}
		return images;
	}

	/**
	 * One calibrated stack sharing the volumes' arrays: Z slices, and one time frame per volume,
	 * displayed over the phases 0..P-1 (setStack resets an 8-bit range to 0..255, which shows black).
	 */
	static ImagePlus stack(final List<LabelVolume> generated, final String title) {
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(generated.get(0), title);
		if (generated.size() == 1) return imp;
		final LabelVolume first = generated.get(0);
		final ImageStack all = new ImageStack(first.sizeX(), first.sizeY());
		for (int v = 0; v < generated.size(); v++) {
			for (int z = 0; z < first.sizeZ(); z++) all.addSlice("volume " + (v + 1), generated.get(v).slice(z));
		}
		imp.setStack(all, 1, first.sizeZ(), generated.size());
		imp.setOpenAsHyperStack(true);
		imp.setDisplayRange(0, first.phases().phaseCount() - 1);
		return imp;
	}

	public ImagePlus volumes() {
		return volumes;
	}

	/** The growth hyperstacks, one per volume, or null when the run had no frames. */
	public List<ImagePlus> growth() {
		return growth;
	}
}
