package org.physgen.fiji;

import java.io.File;
import java.util.List;

import org.physgen.metrics.Metric;
import org.physgen.metrics.MicrostructureStatistics;
import org.physgen.metrics.report.Comparison;
import org.physgen.metrics.report.VolumeStatistics;
import org.scijava.ItemIO;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

import ij.ImagePlus;

/**
 * Plugins > PhysGen > Microstructure Statistics: volume fractions, two-point correlation, lineal
 * path, chord lengths, specific surface, Euler characteristic, local thickness, clusters and
 * tortuosity of a segmented volume, as a table and plots, and as CSV, JSON and HTML files.
 */
@Plugin(type = Command.class, menuPath = "Plugins>PhysGen>Microstructure Statistics", headless = true,
	label = "Microstructure Statistics")
public class MicrostructureStatisticsCommand extends ContextCommand {

	@Parameter(label = "Image", required = false,
		description = "Segmented stack to measure (the active image); ignored when input_file is given")
	private ImagePlus image;

	@Parameter(label = "Input file (optional)", style = "open", required = false, persist = false,
		description = "Segmented volume (.tif, .tiff or .zip holding one TIFF) instead of an open image")
	private File input_file;

	@Parameter(label = "Phases", description = "all, or comma-separated phase indices or names, e.g. 0 or pore")
	private String phases = "all";

	@Parameter(label = "Metrics", description = "all, or comma-separated: fractions, s2, lineal_path, chords,"
		+ " surface, euler, thickness, components, tortuosity")
	private String metrics = "all";

	@Parameter(label = "Output folder (optional)", style = "directory", required = false, persist = false,
		description = "Writes scalars.csv, comparison.csv, curves.csv, statistics.json, plots/*.png and report.html")
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
			final VolumeInput input = VolumeInput.of("input_file", input_file, "image", image);
			final VolumeStatistics statistics = MicrostructureStatistics.measure(input.volume(), input.name(),
				MicrostructureStatistics.parsePhases(phases, input.volume().phases()), Metric.parseList(metrics),
				CommandProgress.of(status, "Microstructure statistics"), CommandProgress.cancelled(this));
			report = StatisticsReports.publish(new Comparison(statistics, List.of()), output_dir,
				"Statistics of " + input.name(), log);
		});
	}
}
