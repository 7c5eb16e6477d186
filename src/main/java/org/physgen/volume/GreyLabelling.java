package org.physgen.volume;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * Turns grey-valued slices (8-bit, 16-bit or float, added one z slice at a time) into a
 * {@link LabelVolume} of phase indices, checking that the data is a segmentation: integer values in
 * 0..65535, 2 to {@value PhaseTable#MAX_PHASES} distinct values. Shared by every reader so that all
 * inputs get the same checks and messages.
 * <p>
 * Single pass: each voxel gets a provisional label in order of first appearance; {@link #finish}
 * renumbers them in increasing grey value, which is cheap (a 256-entry table over bytes).
 */
final class GreyLabelling {

	private static final int MAX_GREY = 65535;
	private static final int MAX_LISTED = 12;

	private final String source;
	private final int sizeX;
	private final int sizeY;
	private final int sliceLength;
	/** 0 = not seen yet, -1 = seen after the phase limit was reached, else provisional label + 1. */
	private final int[] provisional = new int[MAX_GREY + 1];
	private final int[] values = new int[PhaseTable.MAX_PHASES];
	private int valueCount;
	private final List<Integer> extraValues = new ArrayList<>();
	private int extraCount;
	private final List<byte[]> slices = new ArrayList<>();

	/**
	 * @param source what is being read, for messages (a file path, "image 'title'")
	 */
	GreyLabelling(final String source, final int sizeX, final int sizeY) {
		this.source = source;
		this.sizeX = sizeX;
		this.sizeY = sizeY;
		this.sliceLength = Math.multiplyExact(sizeX, sizeY);
	}

	/** Error for a source that is one 2D image rather than a stack of z slices. */
	static VolumeFormatException notAStack(final String source, final int sizeX, final int sizeY) {
		return new VolumeFormatException("2D image: " + source + " is a single " + sizeX + " x " + sizeY
			+ " slice; PhysGen needs a 3D stack (z slices)");
	}

	int sliceCount() {
		return slices.size();
	}

	/**
	 * Adds the next z slice given as the pixel array of an ImageJ processor: byte[] (unsigned
	 * 8-bit), short[] (unsigned 16-bit) or float[].
	 *
	 * @param reuse for byte[] input: relabel the array in place and keep it as the slice, instead of
	 *          copying it
	 */
	byte[] add(final Object pixels, final boolean reuse) {
		if (pixels instanceof byte[] b) return addUnsigned8(b, reuse);
		if (pixels instanceof short[] s) return addUnsigned16(s);
		if (pixels instanceof float[] f) return addFloat(f);
		if (pixels instanceof int[]) {
			throw new VolumeFormatException("RGB colour image: " + source
				+ "; PhysGen needs a label image (8- or 16-bit, one grey value per phase)");
		}
		throw new VolumeFormatException("unsupported pixel data in " + source + ": "
			+ (pixels == null ? "none" : pixels.getClass().getSimpleName()));
	}

	byte[] addUnsigned8(final byte[] pixels, final boolean reuse) {
		checkLength(pixels.length);
		final byte[] out = reuse ? pixels : new byte[sliceLength];
		for (int i = 0; i < sliceLength; i++) {
			final int v = pixels[i] & 0xff;
			int p = provisional[v];
			if (p <= 0) p = p == 0 ? register(v) : 1;
			out[i] = (byte) (p - 1);
		}
		slices.add(out);
		return out;
	}

	byte[] addUnsigned16(final short[] pixels) {
		checkLength(pixels.length);
		final byte[] out = new byte[sliceLength];
		for (int i = 0; i < sliceLength; i++) {
			final int v = pixels[i] & 0xffff;
			int p = provisional[v];
			if (p <= 0) p = p == 0 ? register(v) : 1;
			out[i] = (byte) (p - 1);
		}
		slices.add(out);
		return out;
	}

	byte[] addSigned16(final short[] pixels) {
		checkLength(pixels.length);
		final byte[] out = new byte[sliceLength];
		for (int i = 0; i < sliceLength; i++) {
			final int v = pixels[i];
			if (v < 0) throw outOfRange(Integer.toString(v), i);
			int p = provisional[v];
			if (p <= 0) p = p == 0 ? register(v) : 1;
			out[i] = (byte) (p - 1);
		}
		slices.add(out);
		return out;
	}

	byte[] addFloat(final float[] pixels) {
		checkLength(pixels.length);
		final byte[] out = new byte[sliceLength];
		for (int i = 0; i < sliceLength; i++) {
			final float f = pixels[i];
			final int v = (int) f;
			if (v != f) {
				if (Float.isFinite(f) && f == Math.rint(f)) throw outOfRange(format(f), i);
				throw new VolumeFormatException("non-integer data in " + source + ": value " + format(f)
					+ " at " + position(i) + "; a segmented volume needs integer labels, one per phase");
			}
			if (v < 0 || v > MAX_GREY) throw outOfRange(format(f), i);
			int p = provisional[v];
			if (p <= 0) p = p == 0 ? register(v) : 1;
			out[i] = (byte) (p - 1);
		}
		slices.add(out);
		return out;
	}

	private static String format(final float f) {
		return f == Math.rint(f) && Math.abs(f) < 1e15 ? Long.toString((long) f) : Float.toString(f);
	}

	private void checkLength(final int length) {
		if (length != sliceLength) {
			throw new VolumeFormatException("slice " + (slices.size() + 1) + " of " + source + " has "
				+ length + " voxels, expected " + sizeX + " x " + sizeY);
		}
	}

	private int register(final int value) {
		if (valueCount < values.length) {
			values[valueCount++] = value;
			provisional[value] = valueCount;
			return valueCount;
		}
		// over the limit: keep counting distinct values for the error message, labels are discarded
		provisional[value] = -1;
		extraCount++;
		if (extraValues.size() < MAX_LISTED) extraValues.add(value);
		return 1;
	}

	private String position(final int index) {
		return "x=" + (index % sizeX) + ", y=" + (index / sizeX) + ", z=" + slices.size();
	}

	private VolumeFormatException outOfRange(final String value, final int index) {
		return new VolumeFormatException("label value " + value + " at " + position(index) + " in "
			+ source + " is outside 0.." + MAX_GREY + "; phases must be stored as grey values 0.."
			+ MAX_GREY);
	}

	/**
	 * Builds the volume. Phases follow increasing grey value, named "value g", unless
	 * {@code declared} (names restored from metadata) covers every value found; then its table and
	 * order are used.
	 */
	LabelVolume finish(final PhaseMetadata.Declared declared, final VoxelSize voxelSize) {
		if (slices.size() < 2) throw notAStack(source, sizeX, sizeY);
		if (extraCount > 0) throw tooManyLabels();
		if (valueCount < 2) {
			throw new VolumeFormatException("only one phase in " + source + ": every voxel has value "
				+ values[0] + "; a segmented volume needs at least 2 phases");
		}
		final int[] sorted = Arrays.copyOf(values, valueCount);
		Arrays.sort(sorted);
		final PhaseTable table;
		final byte[] relabel = new byte[valueCount];
		if (declared != null && coversAll(declared)) {
			table = declared.table();
			for (int q = 0; q < valueCount; q++) relabel[q] = (byte) declared.phaseOfPixel(values[q]);
		}
		else {
			table = PhaseTable.ofGreyValues(sorted);
			for (int q = 0; q < valueCount; q++) {
				relabel[q] = (byte) Arrays.binarySearch(sorted, values[q]);
			}
		}
		relabel(relabel);
		return LabelVolume.fromSlices(slices.toArray(new byte[0][]), sizeX, sizeY, table, voxelSize);
	}

	private boolean coversAll(final PhaseMetadata.Declared declared) {
		for (int q = 0; q < valueCount; q++) {
			if (declared.phaseOfPixel(values[q]) < 0) return false;
		}
		return true;
	}

	private void relabel(final byte[] relabel) {
		boolean identity = true;
		for (int q = 0; q < relabel.length; q++) identity &= relabel[q] == q;
		if (identity) return;
		final byte[] lut = new byte[256];
		for (int q = 0; q < relabel.length; q++) lut[q] = relabel[q];
		for (final byte[] slice : slices) {
			for (int i = 0; i < slice.length; i++) slice[i] = lut[slice[i] & 0xff];
		}
	}

	private VolumeFormatException tooManyLabels() {
		final int total = valueCount + extraCount;
		final int[] listed = new int[valueCount + extraValues.size()];
		for (int q = 0; q < valueCount; q++) listed[q] = values[q];
		for (int q = 0; q < extraValues.size(); q++) listed[valueCount + q] = extraValues.get(q);
		Arrays.sort(listed);
		final StringJoiner joiner = new StringJoiner(", ");
		for (int q = 0; q < Math.min(listed.length, MAX_LISTED); q++) {
			joiner.add(Integer.toString(listed[q]));
		}
		if (total > MAX_LISTED) joiner.add("...");
		return new VolumeFormatException(String.format(Locale.ROOT,
			"too many labels: %d distinct values in %s (for example %s); at most %d phases are supported"
				+ " - is this a grey-scale image rather than a segmentation?", total, source, joiner,
			PhaseTable.MAX_PHASES));
	}
}
