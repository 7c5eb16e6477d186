package org.physgen.volume;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a segmented volume from a file, choosing the format by extension: {@code .tif}/{@code .tiff}
 * (multipage TIFF or ImageJ stack) or {@code .zip} holding exactly one TIFF. Raw volumes need their
 * layout: use {@link RawVolumeReader}.
 * <p>
 * The distinct grey values become phases 0..P-1 in increasing order, named "value g" unless the file
 * was written by {@link TiffVolumeWriter}, whose phase names are restored. Calibration becomes the
 * {@link VoxelSize}. Files that are not a segmentation are refused with a
 * {@link VolumeFormatException} naming the file and the offending value: 2D images, colour images,
 * more than {@value PhaseTable#MAX_PHASES} or fewer than 2 distinct values, non-integer values.
 */
public final class VolumeReader {

	private VolumeReader() {}

	public static LabelVolume read(final Path file) throws IOException {
		checkReadable(file);
		final String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
		if (name.endsWith(".tif") || name.endsWith(".tiff")) {
			return TiffVolumeReader.read(file, file.toString());
		}
		if (name.endsWith(".zip")) return readZip(file);
		if (name.endsWith(".raw")) {
			throw new VolumeFormatException("raw volume " + file + " needs its size, voxel type and byte"
				+ " order: read it with RawVolumeReader.read(file, RawFormat)");
		}
		final int dot = name.lastIndexOf('.');
		throw new VolumeFormatException("unsupported file type " + (dot < 0 ? "(no extension)" : "'"
			+ name.substring(dot) + "'") + ": " + file + "; PhysGen reads .tif, .tiff, a .zip holding"
			+ " one TIFF, and .raw volumes with a given layout");
	}

	static void checkReadable(final Path file) {
		if (!Files.exists(file)) throw new VolumeFormatException("file not found: " + file);
		if (Files.isDirectory(file)) {
			throw new VolumeFormatException("not a file but a directory: " + file);
		}
		if (!Files.isReadable(file)) throw new VolumeFormatException("file is not readable: " + file);
	}

	private static LabelVolume readZip(final Path file) throws IOException {
		try (ZipFile zip = new ZipFile(file.toFile())) {
			final List<? extends ZipEntry> members = zip.stream().filter(e -> !e.isDirectory()).toList();
			final List<? extends ZipEntry> tiffs = members.stream().filter(VolumeReader::isTiffMember)
				.toList();
			if (tiffs.size() != 1) {
				final String listed = (tiffs.isEmpty() ? members : tiffs).stream().limit(10).map(
					ZipEntry::getName).collect(Collectors.joining(", "));
				throw new VolumeFormatException((tiffs.isEmpty() ? "no TIFF inside " + file
					: tiffs.size() + " TIFF files inside " + file) + " (" + (listed.isEmpty()
						? "the archive is empty" : listed) + "); PhysGen reads a zip holding exactly one"
					+ " .tif/.tiff file");
			}
			final ZipEntry entry = tiffs.get(0);
			// ImageJ's TIFF decoder needs random access, which a zip stream cannot give
			final Path extracted = Files.createTempFile("physgen-", ".tif");
			try {
				try (InputStream in = zip.getInputStream(entry)) {
					Files.copy(in, extracted, StandardCopyOption.REPLACE_EXISTING);
				}
				return TiffVolumeReader.read(extracted, file + "!" + entry.getName());
			}
			finally {
				Files.deleteIfExists(extracted);
			}
		}
		catch (final ZipException | EOFException e) {
			throw new VolumeFormatException("not a readable zip archive: " + file + " (" + FailureReasons.of(e)
				+ ")", e);
		}
	}

	private static boolean isTiffMember(final ZipEntry entry) {
		final String name = entry.getName();
		final String base = name.substring(name.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
		if (name.startsWith("__MACOSX/") || base.startsWith("._")) return false;
		return base.endsWith(".tif") || base.endsWith(".tiff");
	}
}
