package org.physgen.fiji;

import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;

import org.physgen.metrics.report.Comparison;
import org.physgen.metrics.report.ReportWriter;
import org.physgen.volume.FailureReasons;
import org.scijava.log.LogService;

/**
 * Delivers a statistics result: its warnings to the log, report files when a folder is given, windows
 * when Fiji has a display.
 */
final class StatisticsReports {

	private StatisticsReports() {}

	/** Returns the path of report.html, or "" when no folder was given. */
	static String publish(final Comparison result, final File outputDir, final String windowTitle,
		final LogService log)
	{
		if (log != null) {
			result.warnings().forEach(log::warn);
			result.fidelity().ifPresent(fidelity -> log.info(fidelity.headline()));
		}
		String report = "";
		if (outputDir != null) {
			try {
				report = ReportWriter.write(result, outputDir.toPath()).toString();
			}
			catch (final IOException e) {
				throw new IllegalArgumentException("output_dir '" + outputDir + "' could not be written: "
					+ FailureReasons.withFile(e), e);
			}
		}
		if (!GraphicsEnvironment.isHeadless()) StatisticsWindows.show(result, windowTitle);
		else if (outputDir == null && log != null) {
			log.info("scalars (set output_dir for the full report):" + System.lineSeparator() +
				ReportWriter.scalarsCsv(result).strip());
		}
		return report;
	}
}
