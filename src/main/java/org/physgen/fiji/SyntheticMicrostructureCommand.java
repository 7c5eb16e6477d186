package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;

import org.physgen.mass.PhaseCounts;
import org.physgen.metrics.GaussianFieldFit;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.ImagePlusVolumes;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VoxelSize;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
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

	private static final String DEFAULT_FRACTIONS = "0.2";
	private static final String AUTO = "auto";

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

	@Parameter(label = "Phase fractions", required = false,
		description = "Comma-separated target fractions of phases 1..P-1; phase 0 takes the rest."
			+ " Counts are exact: fraction x voxels, rounded. Examples: 0.2 or 0.40,0.15. Blank: the"
			+ " reference's fractions with correlation_length=auto, else " + DEFAULT_FRACTIONS)
	private String fractions = "";

	@Parameter(label = "Correlation length (voxels, or auto)", persist = false,
		description = "Gaussian field: covariance exp(-r^2/(2 l^2)); auto fits it to the reference's"
			+ " two-point correlation. Electrode: length over which the carbon-binder film thickness varies")
	private String correlation_length = "4.0";

	@Parameter(label = "Reference image", required = false,
		description = "Segmented stack whose S2 correlation_length=auto fits (the active image);"
			+ " ignored when reference_file is given")
	private ImagePlus image;

	@Parameter(label = "Reference file (optional)", style = "open", required = false, persist = false,
		description = "Segmented volume (.tif, .tiff or .zip holding one TIFF) for correlation_length=auto")
	private File reference_file;

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

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT)
	private ImagePlus volume;

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			OutputChecks.volumeFile("output_file", output_file);
			final int sx = size_x > 0 ? size_x : size, sy = size_y > 0 ? size_y : size,
				sz = size_z > 0 ? size_z : size;
			final SyntheticKind parsedKind = SyntheticKind.parse(kind);
			final boolean fitted = isAuto(parsedKind);
			final boolean blank = fractions == null || fractions.isBlank();
			final double[] given = blank ? (fitted ? null : PhaseCounts.parse(DEFAULT_FRACTIONS))
				: PhaseCounts.parse(fractions);
			final VolumeInput reference = fitted
				? VolumeInput.of("reference_file", reference_file, "image", image) : null;
			final GaussianFieldFit fit = fitted ? fit(reference, sx, sy, sz, given) : null;
			final SyntheticSpec spec = new SyntheticSpec(parsedKind, sx, sy, sz, fitted ? fit.fractions() : given,
				fitted ? fit.correlationLength() : Double.parseDouble(correlation_length.trim()), mean_radius, periodic,
				seed, VoxelSize.isotropic(voxel_spacing, unit));
			final LabelVolume generated = SyntheticMicrostructures.generate(spec);
			// a fitted field's phase p models the reference's phase p: same name and grey value
			final LabelVolume labels = fitted ? LabelVolume.fromSlices(generated.slices(), sx, sy,
				reference.volume().phases(), generated.voxelSize()) : generated;
			if (output_file != null) save(labels);
			volume = ImagePlusVolumes.toImagePlus(labels, String.format(Locale.ROOT, "%s-%dx%dx%d-seed%d",
				parsedKind.label(), sx, sy, sz, seed));
		});
	}

	/**
	 * True for {@code auto}; checks that any other value is a positive number and that a reference
	 * is given exactly when it is used.
	 */
	private boolean isAuto(final SyntheticKind parsedKind) {
		final String text = correlation_length == null ? "" : correlation_length.trim();
		if (text.equalsIgnoreCase(AUTO)) {
			if (parsedKind != SyntheticKind.GAUSSIAN_FIELD) {
				throw new IllegalArgumentException("correlation_length=auto fits a gaussian_field; kind '"
					+ parsedKind.label() + "' needs a number of voxels");
			}
			if (reference_file == null && image == null) {
				throw new IllegalArgumentException("correlation_length=auto needs a reference: give reference_file"
					+ " or open a segmented stack (image)");
			}
			return true;
		}
		final double value;
		try {
			value = Double.parseDouble(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException("correlation_length must be a positive number of voxels or auto, got '"
				+ correlation_length + "'", e);
		}
		if (!(value > 0) || Double.isInfinite(value)) {
			throw new IllegalArgumentException("correlation_length must be a positive number of voxels or auto, got "
				+ text);
		}
		if (reference_file != null) {
			throw new IllegalArgumentException("reference_file '" + reference_file + "' is only read with"
				+ " correlation_length=auto, but correlation_length is " + text);
		}
		return false;
	}

	private GaussianFieldFit fit(final VolumeInput reference, final int sx, final int sy, final int sz,
		final double[] given)
	{
		final String parameter = reference_file != null ? "reference_file" : "image";
		final GaussianFieldFit fit = GaussianFieldFit.fit(parameter + " '" + reference.name() + "'",
			reference.volume(), sx, sy, sz, periodic, given);
		if (log != null) {
			log.info(String.format(Locale.ROOT, "Synthetic Microstructure: correlation_length=auto fitted %.3f voxels"
				+ " to the S2 of %s (normalised, axis mean, r = 1..%d): RMS residual %.4f; fractions %s",
				fit.correlationLength(), reference.name(), fit.rMax(), fit.residual(),
				Arrays.toString(fit.fractions())));
		}
		return fit;
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
