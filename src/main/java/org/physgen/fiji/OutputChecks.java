package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.physgen.nn.ModelBundle;
import org.physgen.volume.OutputFiles;
import org.physgen.volume.TiffVolumeWriter;

/**
 * The checks a command makes of its outputs before it starts working: each location can be
 * written, no output is one of the inputs, and a file that would be replaced is one PhysGen wrote.
 */
final class OutputChecks {

	/** The files of a statistics report and how each begins when PhysGen wrote it (ReportWriter). */
	private static final Map<String, String> REPORT_FILES = Map.of("scalars.csv", "volume,metric,",
		"comparison.csv", "quantity,unit,", "curves.csv", "volume,metric,", "statistics.json", "{",
		"report.html", "<!DOCTYPE html>");

	private OutputChecks() {}

	/** A volume output file (TIFF), which must not be any of the given inputs (parameter, file pairs). */
	static void volumeFile(final String parameter, final File file, final Object... inputs) {
		if (file == null) return;
		OutputFiles.requireWritableFile(parameter, file.toPath());
		distinct(parameter, file, inputs);
		OutputFiles.requireReplaceable(parameter, file.toPath(), "volume written by PhysGen",
			TiffVolumeWriter::isPhysGenVolume);
	}

	/**
	 * A model bundle to write and, beside it, its loss curve; neither may replace a file of another
	 * kind, and the model must not be any of the given inputs (parameter, file pairs).
	 */
	static void modelFile(final String parameter, final File file, final Object... inputs) {
		OutputFiles.requireWritableFile(parameter, file.toPath());
		distinct(parameter, file, inputs);
		OutputFiles.requireReplaceable(parameter, file.toPath(), "PhysGen model", ModelBundle::isModelBundle);
		OutputFiles.requireReplaceable(parameter + "'s loss curve", ModelBundle.lossCurveFile(file.toPath()),
			"PNG image", OutputFiles::isPng);
	}

	/** A folder for statistics reports: writable, and any report files in it written by PhysGen. */
	static void reportFolder(final String parameter, final File folder) {
		if (folder == null) return;
		final Path path = folder.toPath();
		OutputFiles.requireWritableFolder(parameter, path);
		REPORT_FILES.forEach((name, start) -> OutputFiles.requireReplaceable(parameter, path.resolve(name),
			"report file written by PhysGen", file -> OutputFiles.startsWith(file, start.getBytes(
				StandardCharsets.UTF_8))));
		final Path plots = path.resolve("plots");
		if (!Files.isDirectory(plots)) return;
		try (DirectoryStream<Path> pngs = Files.newDirectoryStream(plots, "*.png")) {
			for (final Path png : pngs) OutputFiles.requireReplaceable(parameter, png, "PNG image", OutputFiles::isPng);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(parameter + " '" + plots + "' cannot be read: " + OutputFiles.reason(e),
				e);
		}
	}

	/** A folder for new files, which are never replaced. */
	static void newFilesFolder(final String parameter, final File folder) {
		if (folder != null) OutputFiles.requireWritableFolder(parameter, folder.toPath());
	}

	private static void distinct(final String parameter, final File output, final Object... inputs) {
		for (int i = 0; i < inputs.length; i += 2) {
			final File input = (File) inputs[i + 1];
			if (input != null) OutputFiles.requireDistinct(parameter, output.toPath(), (String) inputs[i], input.toPath());
		}
	}
}
