package org.physgen.volume;

import java.awt.image.DataBuffer;
import java.awt.image.Raster;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;

import javax.imageio.ImageReader;
import javax.imageio.stream.FileImageInputStream;
import javax.imageio.stream.ImageInputStream;

import com.twelvemonkeys.imageio.plugins.tiff.BigTIFFImageReaderSpi;

/**
 * Reads a BigTIFF (TIFF version 43, with 8-byte offsets, as written for scans over 4 GB) into a
 * {@link LabelVolume}, one page per z slice, with the TwelveMonkeys TIFF reader: 1- to 16-bit
 * unsigned, 16-bit signed, 32-bit integer and float samples; uncompressed, LZW, Deflate, PackBits;
 * strips or tiles. ImageJ 1's decoder reads classic TIFF only. The voxel size is not read (1 pixel).
 */
final class BigTiffVolumeReader {

	private BigTiffVolumeReader() {}

	/** Whether the file starts with a BigTIFF header ({@code II 43 0} or {@code MM 0 43}). */
	static boolean isBigTiff(final Path file) throws IOException {
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			if (raf.length() < 16) return false;
			final byte[] header = new byte[4];
			raf.readFully(header);
			return header[0] == 'I' && header[1] == 'I' && header[2] == 43 && header[3] == 0
				|| header[0] == 'M' && header[1] == 'M' && header[2] == 0 && header[3] == 43;
		}
	}

	/**
	 * @param source how to name the file in messages
	 * @throws VolumeFormatException when the file is damaged or holds no single-channel label stack
	 */
	static LabelVolume read(final Path file, final String source) throws IOException {
		final ImageReader reader = new BigTIFFImageReaderSpi().createReaderInstance();
		try (ImageInputStream in = new FileImageInputStream(file.toFile())) {
			reader.setInput(in, false, true);
			final int pages = pageCount(reader, source);
			if (pages == 0) throw new VolumeFormatException("corrupt BigTIFF " + source + ": it has no pages");
			final int sizeX, sizeY, samples;
			try {
				sizeX = reader.getWidth(0);
				sizeY = reader.getHeight(0);
				samples = reader.getRawImageType(0).getNumBands();
			}
			catch (final IOException | RuntimeException e) {
				throw new VolumeFormatException("cannot read BigTIFF " + source + ": its first page is corrupt ("
					+ e.getMessage() + ")", e);
			}
			if (samples != 1) throw multiChannel(source, samples);
			if (pages < 2) throw GreyLabelling.notAStack(source, sizeX, sizeY);
			if ((long) sizeX * sizeY > Integer.MAX_VALUE - 8) {
				throw new VolumeFormatException("BigTIFF page of " + sizeX + " x " + sizeY + " in " + source
					+ " is larger than 2^31 pixels");
			}
			final GreyLabelling labelling = new GreyLabelling(source, sizeX, sizeY);
			for (int z = 0; z < pages; z++) {
				final Raster raster = page(reader, z, pages, source);
				if (raster.getWidth() != sizeX || raster.getHeight() != sizeY) {
					throw new VolumeFormatException("BigTIFF pages differ in " + source + ": page " + (z + 1) + " is "
						+ raster.getWidth() + " x " + raster.getHeight() + ", page 1 is " + sizeX + " x " + sizeY);
				}
				add(labelling, raster, source);
			}
			return labelling.finish(null, VoxelSize.DEFAULT);
		}
		finally {
			reader.dispose();
		}
	}

	private static int pageCount(final ImageReader reader, final String source) {
		try {
			return reader.getNumImages(true);
		}
		catch (final IOException | RuntimeException e) {
			throw new VolumeFormatException("cannot read BigTIFF " + source + ": its list of pages is truncated"
				+ " or corrupt (" + e.getMessage() + ")", e);
		}
	}

	private static Raster page(final ImageReader reader, final int z, final int pages, final String source) {
		try {
			return reader.readRaster(z, null);
		}
		catch (final IOException | RuntimeException e) {
			throw new VolumeFormatException("cannot read slice " + (z + 1) + " of " + pages + " in BigTIFF "
				+ source + ": the file is truncated, corrupt or uses an unsupported compression (" + e.getMessage()
				+ ")", e);
		}
	}

	private static VolumeFormatException multiChannel(final String source, final int samples) {
		return new VolumeFormatException("multi-channel BigTIFF: " + source + " has " + samples
			+ " samples per pixel; PhysGen needs one label per voxel");
	}

	private static void add(final GreyLabelling labelling, final Raster raster, final String source) {
		if (raster.getNumBands() != 1) throw multiChannel(source, raster.getNumBands());
		final int width = raster.getWidth();
		final int height = raster.getHeight();
		final int bits = raster.getSampleModel().getSampleSize(0);
		switch (raster.getDataBuffer().getDataType()) {
			case DataBuffer.TYPE_BYTE -> {
				final int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
				final byte[] pixels = new byte[samples.length];
				for (int i = 0; i < samples.length; i++) pixels[i] = (byte) samples[i];
				labelling.add(pixels, true);
			}
			case DataBuffer.TYPE_USHORT, DataBuffer.TYPE_SHORT -> {
				final int[] samples = raster.getSamples(0, 0, width, height, 0, (int[]) null);
				final short[] pixels = new short[samples.length];
				for (int i = 0; i < samples.length; i++) pixels[i] = (short) samples[i];
				if (raster.getDataBuffer().getDataType() == DataBuffer.TYPE_SHORT) labelling.addSigned16(pixels);
				else labelling.add(pixels, true);
			}
			case DataBuffer.TYPE_INT, DataBuffer.TYPE_FLOAT, DataBuffer.TYPE_DOUBLE ->
				labelling.add(raster.getSamples(0, 0, width, height, 0, (float[]) null), true);
			default -> throw new VolumeFormatException("unsupported BigTIFF pixel type in " + source + " (" + bits
				+ "-bit samples)");
		}
	}
}
