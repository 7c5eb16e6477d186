package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.physgen.metrics.Metric;
import org.physgen.metrics.MicrostructureComparison;
import org.physgen.metrics.report.Comparison;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.VolumeFiles;
import org.physgen.volume.VolumeFormatException;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Plugins > PhysGen > Compare Microstructures: the statistics of a reference volume beside the mean
 * and spread of those of generated volumes, with overlaid curves, as windows and report files, led by
 * the natural-spread comparison when the reference set has volumes of the generated size.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Compare Microstructures", headless = true,
	label = "Compare Microstructures")
public class CompareMicrostructuresCommand extends ContextCommand {

	@Parameter(label = "Reference image", required = false,
		description = "The training volume (the active image); ignored when reference_file is given")
	private ImagePlus reference;

	@Parameter(label = "Reference file (optional)", style = "open", required = false, persist = false)
	private File reference_file;

	@Parameter(label = "Generated volumes", persist = false,
		description = "A folder of generated TIFFs, or comma-separated files")
	private String generated;

	@Parameter(label = "Held-out volumes (optional)", style = "directory", required = false, persist = false,
		description = "A folder of real volumes of the generated size for the natural spread; without it a"
			+ " reference larger than the generated volumes is cut into disjoint sub-volumes of their size")
	private File held_out_dir;

	@Parameter(label = "Phases", description = "all, or comma-separated phase indices or names")
	private String phases = "all";

	@Parameter(label = "Metrics", description = "all, or comma-separated: fractions, s2, lineal_path, chords,"
		+ " surface, euler, thickness, components, tortuosity")
	private String metrics = "all";

	@Parameter(label = "Output folder (optional)", style = "directory", required = false, persist = false)
	private File output_dir;

	@Parameter(required = false)
	private StatusService status;

	@Parameter(required = false)
	private LogService log;

	@Parameter(type = ItemIO.OUTPUT, label = "Report")
	private String report;

	@Override
	public void run() {
		CommandErrors.run(this, () -> {
			OutputChecks.reportFolder("output_dir", output_dir);
			final VolumeInput ref = VolumeInput.of(
				"reference_file", reference_file, "reference", reference);
			final Comparison result;
			try {
				result = MicrostructureComparison.compare(ref.volume(), ref.name(), VolumeFiles.expand("generated",
					generated), heldOutFiles(), phases, Metric.parseList(metrics), CommandProgress.of(status,
						"Comparing microstructures"), CommandProgress.cancelled(this));
			}
			catch (final IOException | VolumeFormatException e) {
				// the reference is read above, so what fails here is a generated or a held-out volume
				throw new IllegalArgumentException("generated '" + generated + "'" + (held_out_dir == null ? ""
					: " or held_out_dir '" + held_out_dir + "'") + ": " + FailureReasons.withFile(e), e);
			}
			report = StatisticsReports.publish(result, output_dir, "Comparison with " + ref.name(), log);
		});
	}

	private List<Path> heldOutFiles() throws IOException {
		if (held_out_dir == null) return List.of();
		if (!held_out_dir.isDirectory()) {
			throw new IllegalArgumentException("held_out_dir '" + held_out_dir + "' is not a folder");
		}
		return VolumeFiles.expand("held_out_dir", held_out_dir.toString());
	}
}
