package org.physgen.volume;

import java.io.File;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

import ij.io.FileInfo;
import ij.io.FileOpener;
import ij.io.ImageReader;
import ij.io.RandomAccessStream;
import ij.io.TiffDecoder;
import ij.measure.Calibration;

/**
 * Reads a multipage TIFF (one page per z slice, or an ImageJ stack) into a {@link LabelVolume} with
 * ImageJ 1's decoder: 8-, 16- and 32-bit, uncompressed, LZW, PackBits and Deflate. Slices are decoded
 * and labelled one at a time, so a 16-bit or float file never sits in memory as a whole. BigTIFF
 * files go to {@link BigTiffVolumeReader}.
 */
final class TiffVolumeReader {

	private TiffVolumeReader() {}

	/**
	 * @param file the TIFF file
	 * @param source how to name it in messages (the zip member for zipped TIFFs)
	 */
	static LabelVolume read(final Path file, final String source) throws IOException {
		final long fileLength = Files.size(file);
		final boolean big = BigTiffVolumeReader.isBigTiff(file);
		final String format = big ? "BigTIFF" : "TIFF";
		final TiffDirectoryChain.State chain = TiffDirectoryChain.inspect(file, fileLength);
		if (chain == TiffDirectoryChain.State.LOOP) {
			throw new VolumeFormatException("corrupt " + format + " " + source
				+ ": its list of pages loops back on itself");
		}
		if (chain == TiffDirectoryChain.State.TRUNCATED) {
			throw new VolumeFormatException("truncated " + format + ": " + source + " (" + fileLength
				+ " bytes) ends inside its list of pages");
		}
		if (big) return BigTiffVolumeReader.read(file, source);
		final FileInfo[] pages = decodeDirectory(file, source);
		final FileInfo first = pages[0];
		final Properties description = new FileOpener(first).decodeDescriptionString(first);
		checkHyperstack(description, source);
		final int sizeX = first.width;
		final int sizeY = first.height;
		for (int i = 0; i < pages.length; i++) checkPage(pages[i], first, i, source);
		final boolean contiguous = pages.length == 1 && first.nImages > 1;
		final int sizeZ = contiguous ? first.nImages : pages.length;
		if (sizeZ < 2) throw GreyLabelling.notAStack(source, sizeX, sizeY);
		if (contiguous) checkContiguousLength(fileLength, first, source);
		else for (int i = 0; i < pages.length; i++) checkStrips(pages[i], i, fileLength, source);

		HeapBudget.require("reading " + source, 1, sizeX, sizeY, sizeZ, null);
		final GreyLabelling labelling = new GreyLabelling(source, sizeX, sizeY);
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r");
			RandomAccessStream in = new RandomAccessStream(raf))
		{
			for (int z = 0; z < sizeZ; z++) {
				final FileInfo slice = contiguous ? contiguousSlice(first, z) : pages[z];
				if (slice.compression == FileInfo.ZIP
					|| slice.compression == FileInfo.ZIP_WITH_DIFFERENCING)
				{
					checkDeflateStrips(raf, slice, z, source);
				}
				in.seek(slice.getOffset());
				final Object pixels;
				try {
					pixels = new ImageReader(slice).readPixels(in, 0L);
				}
				catch (final RuntimeException e) {
					throw corruptSlice(z, sizeZ, source, e);
				}
				if (pixels == null) throw corruptSlice(z, sizeZ, source, null);
				if (slice.fileType == FileInfo.GRAY16_SIGNED) {
					// ImageJ shifts signed 16-bit data by 32768; undo it so that negative labels are reported
					final short[] shifted = (short[]) pixels;
					for (int i = 0; i < shifted.length; i++) shifted[i] ^= (short) 0x8000;
					labelling.addSigned16(shifted);
				}
				else labelling.add(pixels, true);
			}
		}
		final String info = first.info;
		final VoxelSize voxelSize = PhaseMetadata.refineVoxelSize(info, voxelSize(first));
		return labelling.finish(PhaseMetadata.parsePhases(info), voxelSize);
	}

	private static FileInfo[] decodeDirectory(final Path file, final String source)
		throws IOException
	{
		final Path absolute = file.toAbsolutePath();
		final Path parent = absolute.getParent();
		final String directory = parent == null ? "" : parent.toString() + File.separator;
		final FileInfo[] pages;
		try {
			pages = new TiffDecoder(directory, absolute.getFileName().toString()).getTiffInfo();
		}
		catch (final IOException | RuntimeException e) {
			if (!Files.isRegularFile(file)) throw e;
			final String reason = Files.size(file) == 0 ? "the file is empty (0 bytes)" : FailureReasons.of(e);
			throw new VolumeFormatException("cannot read TIFF " + source + ": " + reason, e);
		}
		if (pages == null || pages.length == 0) {
			throw new VolumeFormatException("not a TIFF file: " + source);
		}
		return pages;
	}

	private static void checkHyperstack(final Properties description, final String source) {
		if (description == null) return;
		final int channels = intProperty(description, "channels");
		final int frames = intProperty(description, "frames");
		if (channels > 1) {
			throw new VolumeFormatException("hyperstack with " + channels + " channels: " + source
				+ "; PhysGen needs a single-channel Z stack of labels");
		}
		if (frames > 1) {
			throw new VolumeFormatException("hyperstack with " + frames + " time frames: " + source
				+ "; PhysGen needs a single Z stack (if the frames are z slices, swap them in"
				+ " Image > Properties)");
		}
	}

	private static int intProperty(final Properties properties, final String key) {
		try {
			return (int) Double.parseDouble(properties.getProperty(key, "0"));
		}
		catch (final NumberFormatException e) {
			return 0;
		}
	}

	private static void checkPage(final FileInfo page, final FileInfo first, final int index,
		final String source)
	{
		if (page.width < 1 || page.height < 1) {
			throw new VolumeFormatException("corrupt TIFF " + source + ": page " + (index + 1) + " is "
				+ page.width + " x " + page.height + " pixels");
		}
		if ((long) page.width * page.height > Integer.MAX_VALUE - 8) {
			throw new VolumeFormatException("TIFF page of " + page.width + " x " + page.height + " in "
				+ source + " is larger than 2^31 pixels");
		}
		switch (page.fileType) {
			case FileInfo.GRAY8, FileInfo.COLOR8, FileInfo.BITMAP, FileInfo.GRAY16_UNSIGNED,
				FileInfo.GRAY16_SIGNED, FileInfo.GRAY12_UNSIGNED, FileInfo.GRAY24_UNSIGNED,
				FileInfo.GRAY32_INT, FileInfo.GRAY32_UNSIGNED, FileInfo.GRAY32_FLOAT,
				FileInfo.GRAY64_FLOAT -> {}
			case FileInfo.RGB, FileInfo.BGR, FileInfo.ARGB, FileInfo.ABGR, FileInfo.BARG,
				FileInfo.RGB_PLANAR, FileInfo.CMYK, FileInfo.RGB48, FileInfo.RGB48_PLANAR ->
				throw new VolumeFormatException("RGB colour image: " + source
					+ "; PhysGen needs a label image (8- or 16-bit, one grey value per phase)");
			default -> throw new VolumeFormatException("unsupported TIFF pixel type in " + source + " ("
				+ typeName(page) + ")");
		}
		if (page.samplesPerPixel > 1) {
			throw new VolumeFormatException("multi-channel TIFF: " + source + " has "
				+ page.samplesPerPixel + " samples per pixel; PhysGen needs one label per voxel");
		}
		if (page.width != first.width || page.height != first.height
			|| page.fileType != first.fileType)
		{
			throw new VolumeFormatException("TIFF pages differ in " + source + ": page " + (index + 1)
				+ " is " + page.width + " x " + page.height + " " + typeName(page) + ", page 1 is "
				+ first.width + " x " + first.height + " " + typeName(first));
		}
	}

	private static String typeName(final FileInfo fi) {
		return switch (fi.fileType) {
			case FileInfo.GRAY8 -> "8-bit";
			case FileInfo.COLOR8 -> "8-bit indexed colour";
			case FileInfo.BITMAP -> "1-bit";
			case FileInfo.GRAY12_UNSIGNED -> "12-bit";
			case FileInfo.GRAY16_SIGNED -> "16-bit signed";
			case FileInfo.GRAY16_UNSIGNED -> "16-bit";
			case FileInfo.GRAY24_UNSIGNED -> "24-bit";
			case FileInfo.GRAY32_INT, FileInfo.GRAY32_UNSIGNED -> "32-bit integer";
			case FileInfo.GRAY32_FLOAT -> "32-bit float";
			case FileInfo.GRAY64_FLOAT -> "64-bit float";
			default -> "pixel type " + fi.fileType;
		};
	}

	private static long sliceBytes(final FileInfo fi) {
		return switch (fi.fileType) {
			case FileInfo.BITMAP -> (long) ((fi.width + 7) / 8) * fi.height;
			case FileInfo.GRAY12_UNSIGNED -> (long) (fi.width * 3 / 2 + (fi.width & 1)) * fi.height;
			default -> (long) fi.width * fi.height * fi.getBytesPerPixel();
		};
	}

	/** ImageJ stacks: one directory entry, then nImages slices back to back. */
	private static FileInfo contiguousSlice(final FileInfo first, final int z) {
		final FileInfo slice = (FileInfo) first.clone();
		slice.nImages = 1;
		slice.longOffset = first.getOffset() + z * (sliceBytes(first) + first.getGap());
		slice.offset = 0;
		slice.stripOffsets = null;
		slice.stripLengths = null;
		return slice;
	}

	private static void checkContiguousLength(final long fileLength, final FileInfo first,
		final String source)
	{
		if (first.compression != FileInfo.COMPRESSION_NONE) {
			throw new VolumeFormatException("unsupported TIFF layout in " + source
				+ ": a compressed ImageJ stack");
		}
		final long needed = first.getOffset() + first.nImages * sliceBytes(first) + (first.nImages - 1)
			* first.getGap();
		if (fileLength < needed) {
			throw new VolumeFormatException("truncated TIFF: " + source + " has " + fileLength
				+ " bytes, its " + first.nImages + " slices need " + needed);
		}
	}

	/** Refuses pages whose image data lies (partly) beyond the end of the file. */
	private static void checkStrips(final FileInfo page, final int index, final long fileLength,
		final String source)
	{
		long end = page.getOffset() + (page.compression == FileInfo.COMPRESSION_NONE ? sliceBytes(page)
			: 0);
		if (page.stripOffsets != null && page.stripLengths != null
			&& page.stripOffsets.length == page.stripLengths.length)
		{
			for (int s = 0; s < page.stripOffsets.length; s++) {
				end = Math.max(end, (page.stripOffsets[s] & 0xffffffffL) + (page.stripLengths[s]
					& 0xffffffffL));
			}
		}
		else if (page.compression != FileInfo.COMPRESSION_NONE) {
			throw new VolumeFormatException("corrupt TIFF " + source + ": page " + (index + 1)
				+ " is compressed but has no strip lengths");
		}
		if (end > fileLength) {
			throw new VolumeFormatException("truncated TIFF: " + source + " has " + fileLength
				+ " bytes, the data of page " + (index + 1) + " ends at byte " + end);
		}
	}

	/**
	 * ImageJ's inflater loops forever on a Deflate stream that stops early, so every strip is checked
	 * to be a complete stream before ImageJ decodes it.
	 */
	private static void checkDeflateStrips(final RandomAccessFile raf, final FileInfo page,
		final int z, final String source) throws IOException
	{
		final byte[] scratch = new byte[1 << 16];
		for (int s = 0; s < page.stripOffsets.length; s++) {
			final byte[] strip = new byte[page.stripLengths[s]];
			raf.seek(page.stripOffsets[s] & 0xffffffffL);
			raf.readFully(strip);
			final Inflater inflater = new Inflater();
			try {
				inflater.setInput(strip);
				while (!inflater.finished()) {
					if (inflater.inflate(scratch) == 0 && (inflater.needsInput() || inflater
						.needsDictionary()))
					{
						throw new VolumeFormatException("corrupt TIFF " + source + ": the Deflate data of slice "
							+ (z + 1) + " (strip " + (s + 1) + ") is incomplete");
					}
				}
			}
			catch (final DataFormatException e) {
				throw new VolumeFormatException("corrupt TIFF " + source + ": bad Deflate data in slice "
					+ (z + 1) + " (strip " + (s + 1) + "): " + e.getMessage(), e);
			}
			finally {
				inflater.end();
			}
		}
	}

	private static VolumeFormatException corruptSlice(final int z, final int sizeZ,
		final String source, final RuntimeException cause)
	{
		return new VolumeFormatException("cannot read slice " + (z + 1) + " of " + sizeZ + " in "
			+ source + ": the file is truncated or corrupt" + (cause == null ? "" : " (" + cause + ")"),
			cause);
	}

	/** Calibration as ImageJ would read it; uncalibrated files get {@link VoxelSize#DEFAULT}. */
	private static VoxelSize voxelSize(final FileInfo fi) {
		if (fi.unit == null || fi.unit.isBlank()) return VoxelSize.DEFAULT;
		final Calibration calibration = new Calibration();
		calibration.setUnit(fi.unit);
		final String unit = calibration.getUnit();
		return new VoxelSize(positive(fi.pixelWidth), positive(fi.pixelHeight), positive(
			fi.pixelDepth), unit);
	}

	private static double positive(final double value) {
		return value > 0 && Double.isFinite(value) ? value : 1;
	}
}
