package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.util.Locale;

import org.physgen.mass.PhaseCounts;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VoxelSize;
import org.physgen.volume.synth.SyntheticKind;
import org.physgen.volume.synth.SyntheticMicrostructures;
import org.physgen.volume.synth.SyntheticSpec;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Plugins > PhysGen > Synthetic Microstructure: a porous rock, a bead pack or a three-phase
 * electrode with exactly the requested phase voxel counts.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Synthetic Microstructure", headless = true,
	label = "Synthetic Microstructure")
public class SyntheticMicrostructureCommand extends ContextCommand {

	@Parameter(label = "Kind", choices = { "gaussian_field", "spheres", "electrode" },
		description = "gaussian_field: porous rock (phase 1 = pore); spheres: bead pack (phase 1 = grain);"
			+ " electrode: pore (0), active material (1), carbon-binder film (2)")
	private String kind = "gaussian_field";

	@Parameter(label = "Size (voxels, cube edge)", min = "2",
		description = "Edge length of a cubic volume; size_x, size_y, size_z override it per axis")
	private int size = 64;

	@Parameter(label = "Size x (0 = size)", min = "0", required = false)
	private int size_x = 0;

	@Parameter(label = "Size y (0 = size)", min = "0", required = false)
	private int size_y = 0;

	@Parameter(label = "Size z (0 = size)", min = "0", required = false)
	private int size_z = 0;

	@Parameter(label = "Phase fractions",
		description = "Comma-separated target fractions of phases 1..P-1; phase 0 takes the rest."
			+ " Counts are exact: fraction x voxels, rounded. Examples: 0.2 or 0.40,0.15")
	private String fractions = "0.2";

	@Parameter(label = "Correlation length (voxels)", min = "0.1", stepSize = "0.5",
		description = "Gaussian field: covariance exp(-r^2/(2 l^2)); electrode: length over which the"
			+ " carbon-binder film thickness varies")
	private double correlation_length = 4.0;

	@Parameter(label = "Mean sphere radius (voxels)", min = "0.5", stepSize = "0.5",
		description = "spheres and electrode: mean radius of the log-normal radius distribution (CV 0.3)")
	private double mean_radius = 6.0;

	@Parameter(label = "Periodic", description = "Opposite faces match, as in a periodic unit cell")
	private boolean periodic = false;

	@Parameter(label = "Voxel size", min = "0", required = false)
	private double voxel_spacing = 1.0;

	@Parameter(label = "Unit", required = false)
	private String unit = "pixel";

	@Parameter(label = "Seed", persist = false, description = "Same seed, same volume")
	private long seed = 1;

	@Parameter(label = "Output file (TIFF, optional)", style = "save", required = false, persist = false)
	private File output_file;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus volume;

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			OutputChecks.volumeFile("output_file", output_file);
			final int sx = size_x > 0 ? size_x : size, sy = size_y > 0 ? size_y : size,
				sz = size_z > 0 ? size_z : size;
			final SyntheticKind parsedKind = SyntheticKind.parse(kind);
			final SyntheticSpec spec = new SyntheticSpec(parsedKind, sx, sy, sz,
				PhaseCounts.parse(fractions), correlation_length, mean_radius, periodic, seed,
				VoxelSize.isotropic(voxel_spacing, unit));
			final LabelVolume labels = SyntheticMicrostructures.generate(spec);
			if (output_file != null) save(labels);
			volume = ImagePlusVolumes.toImagePlus(labels, String.format(Locale.ROOT, "%s-%dx%dx%d-seed%d",
				parsedKind.label(), sx, sy, sz, seed));
		});
	}

	private void save(final LabelVolume labels) {
		try {
			TiffVolumeWriter.write(labels, output_file.toPath());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("output_file '" + output_file + "' could not be written: "
				+ FailureReasons.withFile(e), e);
		}
	}

	public ImagePlus volume() {
		return volume;
	}
}
