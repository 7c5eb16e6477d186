package org.physgen.volume;

import java.util.ArrayList;
import java.util.List;

/**
 * The lines PhysGen keeps in an image's ImageJ "Info" property (saved inside ImageJ TIFFs):
 * <ul>
 * <li>{@code physgen.phases=0:pore;255:grain} &ndash; pixel value and name of each phase, as stored
 * in that image or file;</li>
 * <li>{@code physgen.grey_values=0;255} &ndash; grey values for export, when the pixels hold phase
 * indices rather than grey values (images made by {@link ImagePlusVolumes});</li>
 * <li>{@code physgen.voxel_size=0.5,0.5,0.5} &ndash; exact voxel size (TIFF resolution tags are
 * rationals and lose digits).</li>
 * </ul>
 * Names escape {@code \}, {@code ;} and line breaks with a backslash.
 */
final class PhaseMetadata {

	static final String PHASES_KEY = "physgen.phases";
	static final String GREYS_KEY = "physgen.grey_values";
	static final String VOXEL_SIZE_KEY = "physgen.voxel_size";

	private PhaseMetadata() {}

	/** Phase names restored from metadata, keyed by the pixel values found in the image. */
	record Declared(int[] pixelValues, PhaseTable table) {

		/** Phase index of a pixel value, or -1. */
		int phaseOfPixel(final int value) {
			for (int p = 0; p < pixelValues.length; p++) {
				if (pixelValues[p] == value) return p;
			}
			return -1;
		}

		boolean pixelsAreIndices() {
			for (int p = 0; p < pixelValues.length; p++) {
				if (pixelValues[p] != p) return false;
			}
			return true;
		}
	}

	/** Info text for a file whose pixels hold the table's grey values. */
	static String forFile(final PhaseTable table, final VoxelSize voxelSize) {
		return phasesLine(greys(table), table) + "\n" + voxelSizeLine(voxelSize);
	}

	/** Info text for an image whose pixels hold phase indices 0..P-1. */
	static String forIndexImage(final PhaseTable table, final VoxelSize voxelSize) {
		final int[] indices = new int[table.phaseCount()];
		for (int p = 0; p < indices.length; p++) indices[p] = p;
		final StringBuilder sb = new StringBuilder(phasesLine(indices, table)).append('\n');
		sb.append(GREYS_KEY).append('=');
		for (int p = 0; p < indices.length; p++) {
			if (p > 0) sb.append(';');
			sb.append(table.greyValue(p));
		}
		return sb.append('\n').append(voxelSizeLine(voxelSize)).toString();
	}

	private static String voxelSizeLine(final VoxelSize voxelSize) {
		return VOXEL_SIZE_KEY + "=" + voxelSize.x() + "," + voxelSize.y() + "," + voxelSize.z() + "\n";
	}

	private static int[] greys(final PhaseTable table) {
		final int[] greys = new int[table.phaseCount()];
		for (int p = 0; p < greys.length; p++) greys[p] = table.greyValue(p);
		return greys;
	}

	private static String phasesLine(final int[] pixelValues, final PhaseTable table) {
		final StringBuilder sb = new StringBuilder(PHASES_KEY).append('=');
		for (int p = 0; p < pixelValues.length; p++) {
			if (p > 0) sb.append(';');
			sb.append(pixelValues[p]).append(':').append(escape(table.name(p)));
		}
		return sb.toString();
	}

	static String escape(final String name) {
		final StringBuilder sb = new StringBuilder(name.length());
		for (int i = 0; i < name.length(); i++) {
			final char c = name.charAt(i);
			switch (c) {
				case '\\' -> sb.append("\\\\");
				case ';' -> sb.append("\\;");
				case '\n' -> sb.append("\\n");
				case '\r' -> sb.append("\\r");
				default -> sb.append(c);
			}
		}
		return sb.toString();
	}

	/** Splits at unescaped ';' and removes the escapes. */
	static List<String> splitEntries(final String text) {
		final List<String> entries = new ArrayList<>();
		final StringBuilder current = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			final char c = text.charAt(i);
			if (c == '\\' && i + 1 < text.length()) {
				final char next = text.charAt(++i);
				current.append(next == 'n' ? '\n' : next == 'r' ? '\r' : next);
			}
			else if (c == ';') {
				entries.add(current.toString());
				current.setLength(0);
			}
			else current.append(c);
		}
		entries.add(current.toString());
		return entries;
	}

	private static String value(final String info, final String key) {
		if (info == null) return null;
		for (final String line : info.split("\\R")) {
			final String trimmed = line.strip();
			if (trimmed.startsWith(key + "=")) return trimmed.substring(key.length() + 1);
		}
		return null;
	}

	/**
	 * The phase table declared in an Info text, or null when there is none or it does not make a
	 * valid table (it is then ignored, not an error: the pixel values decide).
	 */
	static Declared parsePhases(final String info) {
		final String phases = value(info, PHASES_KEY);
		if (phases == null) return null;
		try {
			final List<String> entries = splitEntries(phases);
			final int[] pixelValues = new int[entries.size()];
			final String[] names = new String[entries.size()];
			for (int p = 0; p < names.length; p++) {
				final String entry = entries.get(p);
				final int colon = entry.indexOf(':');
				if (colon < 0) return null;
				pixelValues[p] = Integer.parseInt(entry.substring(0, colon).strip());
				names[p] = entry.substring(colon + 1);
			}
			int[] greys = pixelValues;
			final String greyText = value(info, GREYS_KEY);
			if (greyText != null) {
				final String[] parts = greyText.split(";");
				if (parts.length != pixelValues.length) return null;
				greys = new int[parts.length];
				for (int p = 0; p < parts.length; p++) greys[p] = Integer.parseInt(parts[p].strip());
			}
			new PhaseTable(pixelValues, names);
			return new Declared(pixelValues, new PhaseTable(greys, names));
		}
		catch (final IllegalArgumentException e) {
			return null;
		}
	}

	/**
	 * The exact voxel size stored in an Info text when it agrees with the approximate one (from the
	 * TIFF tags), otherwise {@code approximate}.
	 */
	static VoxelSize refineVoxelSize(final String info, final VoxelSize approximate) {
		final String text = value(info, VOXEL_SIZE_KEY);
		if (text == null) return approximate;
		try {
			final String[] parts = text.split(",");
			if (parts.length != 3) return approximate;
			final double x = Double.parseDouble(parts[0].strip());
			final double y = Double.parseDouble(parts[1].strip());
			final double z = Double.parseDouble(parts[2].strip());
			if (close(x, approximate.x()) && close(y, approximate.y()) && close(z, approximate.z())) {
				return new VoxelSize(x, y, z, approximate.unit());
			}
		}
		catch (final IllegalArgumentException e) {
			// a damaged line: keep the calibration from the TIFF tags
		}
		return approximate;
	}

	private static boolean close(final double a, final double b) {
		return Math.abs(a - b) <= 1e-5 * Math.max(Math.abs(a), Math.abs(b));
	}
}
