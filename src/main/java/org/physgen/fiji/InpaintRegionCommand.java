package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;

import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.InpaintRegions;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeFormatException;
import org.physgen.volume.VolumeReader;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Plugins > PhysGen > Inpaint Region (DSD): regenerates a region of a volume (a mask or a box)
 * with a DSD model, keeping every voxel outside it, with the region's phase counts given exactly
 * or kept as they are.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Inpaint Region (DSD)", headless = true,
	label = "Inpaint Region (DSD)")
public class InpaintRegionCommand extends ContextCommand {

	@Parameter(label = "Image", required = false,
		description = "Segmented stack to edit (the active image); ignored when input_file is given")
	private ImagePlus image;

	@Parameter(label = "Input file (optional)", style = "open", required = false, persist = false,
		description = "Segmented volume to edit instead of an open image")
	private File input_file;

	@Parameter(label = "Model file (DSD .physgen)", style = "open", persist = false)
	private File model_file;

	@Parameter(label = "Mask file (optional)", style = "open", required = false, persist = false,
		description = "Binary stack of the volume's size (e.g. 0/255): the brighter voxels are regenerated")
	private File mask_file;

	@Parameter(label = "Box x,y,z,width,height,depth (optional)", required = false, persist = false,
		description = "The region as a box in voxels (x, y, z of its first corner, from 0), used when no"
			+ " mask_file is given, e.g. 8,8,8,16,16,16")
	private String box = "";

	@Parameter(label = "Region phase counts (empty = keep)", required = false, persist = false,
		description = "Voxel counts the region gets: one per phase (summing to the region's voxels), or one per"
			+ " phase 1..P-1 with phase 0 taking the rest. Empty keeps the region's current counts")
	private String region_counts = "";

	@Parameter(label = "Tolerance (0 = the model's value)", min = "0", max = "1", stepSize = "0.01",
		description = "Sampler step control: smaller is slower and more accurate; 0 = the model's value")
	private double tolerance = GenerationRequest.MODEL_SETTING;

	@Parameter(label = "Step fraction", min = "0", max = "0.99", stepSize = "0.01",
		description = "Steps may span this fraction of the remaining time while the region is still noise;"
			+ " 0 uses the tolerance everywhere (slower)")
	private double step_fraction = GenerationRequest.DEFAULT_STEP_FRACTION;

	@Parameter(label = "Sharpening", min = "1", max = "10", stepSize = "0.1",
		description = "Power on the learned rate ratios while structure forms: 1 samples the model as"
			+ " trained, larger values give sharper, more correlated regions (see the README)")
	private double sharpening = GenerationRequest.DEFAULT_SHARPENING;

	@Parameter(label = "Device", description = "auto, cpu, gpu or gpu:N; falls back to the CPU with a warning")
	private String device = "auto";

	@Parameter(label = "CPU threads (0 = the idle cores)", min = "0")
	private int threads = 0;

	@Parameter(label = "Seed", persist = false)
	private long seed = 1;

	@Parameter(label = "Output file (TIFF, optional)", style = "save", required = false, persist = false)
	private File output_file;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "Inpainted volume")
	private ImagePlus inpainted;

	@Parameter(type = ItemIO.OUTPUT, label = "Region")
	private String region;

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			OutputChecks.volumeFile("output_file", output_file, "input_file", input_file, "mask_file", mask_file,
				"model_file", model_file);
			final VolumeInput input = VolumeInput.of("input_file", input_file, "image", image);
			final LabelVolume volume = input.volume();
			final byte[][] mask = mask(volume);
			final long[] before = InpaintRegions.counts(volume, mask);
			final long[] after = InpaintRegions.regionCounts(region_counts, volume, mask);
			try (GenerativeModel model = ModelFiles.load(model_file, device, threads,
				ProgressListeners.lines(log))) {
				final LabelVolume result = InpaintRegions.inpaint(model, volume, mask, after, seed,
					tolerance, step_fraction, sharpening, ProgressListeners.generation(this, status, log, "Inpainting"));
				if (output_file != null) save(result);
				region = Arrays.stream(before).sum() + " voxels, phase counts " + Arrays.toString(before) + " -> "
					+ Arrays.toString(InpaintRegions.counts(result, mask));
				inpainted = ImagePlusVolumes.toImagePlus(result, input.name() + "-inpainted");
			}
		});
	}

	private byte[][] mask(final LabelVolume volume) {
		if (mask_file != null) {
			final LabelVolume mask;
			try {
				mask = VolumeReader.read(mask_file.toPath());
			}
			catch (final IOException | VolumeFormatException e) {
				throw new IllegalArgumentException("mask_file '" + mask_file + "' could not be read: " + FailureReasons.of(e), e);
			}
			return InpaintRegions.mask(mask, volume, "mask_file '" + mask_file + "'");
		}
		if (box == null || box.isBlank()) {
			throw new IllegalArgumentException("no region: give mask_file or box (x,y,z,width,height,depth)");
		}
		return InpaintRegions.box(box, volume.sizeX(), volume.sizeY(), volume.sizeZ());
	}

	private void save(final LabelVolume result) {
		try {
			TiffVolumeWriter.write(result, output_file.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("output_file '" + output_file + "' could not be written: "
				+ FailureReasons.withFile(e), e);
		}
	}

	public ImagePlus inpainted() {
		return inpainted;
	}
}
