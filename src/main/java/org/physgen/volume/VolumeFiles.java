package org.physgen.volume;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Turns what a user typed (a folder, or comma-separated files) into the volume files it names. */
public final class VolumeFiles {

	private VolumeFiles() {}

	/**
	 * A folder gives its .tif, .tiff and .zip files in name order; otherwise the text is a
	 * comma-separated list of files, each of which must exist.
	 *
	 * @param parameter the parameter name used in error messages
	 */
	public static List<Path> expand(final String parameter, final String text) throws IOException {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(parameter + " is empty: give a folder or comma-separated volume files");
		}
		final Path single = Path.of(text.trim());
		if (Files.isDirectory(single)) {
			try (Stream<Path> entries = Files.list(single)) {
				final List<Path> files = entries.filter(VolumeFiles::isVolumeFile).sorted().toList();
				if (files.isEmpty()) {
					throw new IllegalArgumentException(parameter + " '" + text + "' is a folder without .tif, .tiff or .zip files");
				}
				return files;
			}
		}
		final List<Path> files = new ArrayList<>();
		for (final String token : text.split(",")) {
			final Path file = Path.of(token.trim());
			if (!Files.isRegularFile(file)) {
				throw new IllegalArgumentException(parameter + ": '" + token.trim() + "' is not a file or folder");
			}
			files.add(file);
		}
		return files;
	}

	private static boolean isVolumeFile(final Path file) {
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		return Files.isRegularFile(file) && !name.startsWith(".")
			&& (name.endsWith(".tif") || name.endsWith(".tiff") || name.endsWith(".zip"));
	}

	/** The file name without its extension, as a short name for reports. */
	public static String baseName(final Path file) {
		final String name = file.getFileName().toString();
		final int dot = name.lastIndexOf('.');
		return dot > 0 ? name.substring(0, dot) : name;
	}
}
