package org.physgen.volume;

import java.io.File;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;

import ij.ImagePlus;
import ij.ImageStack;
import ij.VirtualStack;
import ij.io.FileInfo;
import ij.io.FileSaver;
import ij.io.TiffDecoder;
import ij.io.TiffEncoder;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * Writes a label volume as an ImageJ multipage TIFF: the phase table's grey values (8-bit when all
 * are at most 255, else 16-bit), calibration (voxel size, unit, z spacing), a display range covering
 * all phases, and the phase names in the "Info" property so that {@link VolumeReader} restores them.
 * The file appears atomically: it is written to a temporary file in the same directory and renamed.
 * An existing file is replaced only when PhysGen wrote it ({@link #isPhysGenVolume}). Time frames
 * of volumes ({@link TimeFrames}) are written the same way as one hyperstack.
 */
public final class TiffVolumeWriter {

	private TiffVolumeWriter() {}

	/**
	 * Writes the volume to the file, replacing an earlier volume of PhysGen's.
	 *
	 * @throws FileAlreadyExistsException when the file exists and is not a volume PhysGen wrote; it is
	 *           left as it is
	 */
	public static void write(final LabelVolume volume, final Path file) throws IOException {
		if (Files.isRegularFile(file) && !isPhysGenVolume(file)) {
			throw new FileAlreadyExistsException(file.toString(), null, "exists and is not a volume written by "
				+ "PhysGen, so it is not replaced");
		}
		final FileInfo fileInfo = fileInfo(volume, file.getFileName().toString());
		AtomicFiles.write(file, out -> new TiffEncoder(fileInfo).write(out));
	}

	/**
	 * Writes the volume as {@code STEM.tif} in the folder, or {@code STEM_2.tif}, {@code STEM_3.tif}, ...
	 * when that name is taken, never replacing a file (see {@link AtomicFiles#createFresh}).
	 *
	 * @return the file written
	 */
	public static Path writeNew(final LabelVolume volume, final Path folder, final String stem)
		throws IOException
	{
		final FileInfo fileInfo = fileInfo(volume, stem + ".tif");
		return AtomicFiles.createFresh(folder, stem, ".tif", out -> new TiffEncoder(fileInfo).write(out));
	}

	/**
	 * Writes time frames as one hyperstack TIFF (Z slices × F frames, each slice labelled with its
	 * frame's label), named {@code STEM.tif} in the folder or {@code STEM_2.tif}, ... when that name
	 * is taken, never replacing a file. ImageJ opens it as a hyperstack with F frames; PhysGen's
	 * volume readers refuse it, as they refuse any file of several frames.
	 *
	 * @return the file written
	 */
	public static Path writeNew(final TimeFrames frames, final Path folder, final String stem) throws IOException {
		final FileInfo fileInfo = fileInfo(frames, stem + ".tif");
		return AtomicFiles.createFresh(folder, stem, ".tif", out -> new TiffEncoder(fileInfo).write(out));
	}

	/** Whether the file is a TIFF whose ImageJ info holds PhysGen's phase table. */
	public static boolean isPhysGenVolume(final Path file) {
		final Path absolute = file.toAbsolutePath();
		try {
			final FileInfo[] pages = new TiffDecoder(absolute.getParent() + File.separator,
				absolute.getFileName().toString()).getTiffInfo();
			return pages != null && pages.length > 0 && pages[0].info != null
				&& pages[0].info.contains(PhaseMetadata.PHASES_KEY + "=");
		}
		catch (final IOException | RuntimeException e) {
			return false;
		}
	}

	private static FileInfo fileInfo(final LabelVolume volume, final String name) {
		return fileInfo(TimeFrames.single(volume), name);
	}

	private static FileInfo fileInfo(final TimeFrames frames, final String name) {
		final LabelVolume first = frames.first();
		final PhaseTable table = first.phases();
		final int maxGrey = table.greyValue(table.phaseCount() - 1);
		final boolean sixteenBit = maxGrey > 255;
		final ImageStack stack;
		if (table.isIdentity()) {
			stack = new ImageStack(first.sizeX(), first.sizeY());
			for (int n = 1; n <= frames.slices(); n++) stack.addSlice(null, frames.slice(n));
		}
		else stack = new GreyStack(frames, sixteenBit);

		final ImagePlus imp = new ImagePlus(name, stack);
		imp.setDimensions(1, first.sizeZ(), frames.count());
		if (frames.count() > 1) imp.setOpenAsHyperStack(true);
		ImagePlusVolumes.calibrate(imp, first.voxelSize());
		imp.setDisplayRange(0, maxGrey);

		final FileInfo fi = imp.getFileInfo();
		fi.fileName = name;
		fi.fileType = sixteenBit ? FileInfo.GRAY16_UNSIGNED : FileInfo.GRAY8;
		fi.lutSize = 0;
		fi.reds = fi.greens = fi.blues = null;
		fi.whiteIsZero = false;
		fi.nImages = frames.slices();
		fi.sliceLabels = sliceLabels(frames);
		if (stack instanceof GreyStack grey) {
			fi.pixels = null;
			fi.virtualStack = grey;
		}
		else {
			fi.pixels = stack.getImageArray();
			fi.virtualStack = null;
		}
		fi.description = new FileSaver(imp).getDescriptionString();
		fi.info = PhaseMetadata.forFile(table, first.voxelSize());
		return fi;
	}

	/** The slice labels of the frames, or null when no frame has a label. */
	private static String[] sliceLabels(final TimeFrames frames) {
		if (frames.labels().stream().allMatch(label -> label == null)) return null;
		final String[] labels = new String[frames.slices()];
		for (int n = 1; n <= labels.length; n++) labels[n - 1] = frames.sliceLabel(n);
		return labels;
	}

	/** Grey values made one slice at a time while the encoder writes, so no copy of the volume. */
	private static final class GreyStack extends VirtualStack {

		private final TimeFrames frames;
		private final int[] greys = new int[256];
		private final boolean sixteenBit;

		GreyStack(final TimeFrames frames, final boolean sixteenBit) {
			super(frames.first().sizeX(), frames.first().sizeY());
			this.frames = frames;
			this.sixteenBit = sixteenBit;
			final PhaseTable table = frames.first().phases();
			for (int p = 0; p < table.phaseCount(); p++) greys[p] = table.greyValue(p);
		}

		@Override
		public ImageProcessor getProcessor(final int n) {
			final byte[] labels = frames.slice(n);
			if (sixteenBit) {
				final short[] pixels = new short[labels.length];
				for (int i = 0; i < labels.length; i++) pixels[i] = (short) greys[labels[i] & 0xff];
				return new ShortProcessor(getWidth(), getHeight(), pixels, null);
			}
			final byte[] pixels = new byte[labels.length];
			for (int i = 0; i < labels.length; i++) pixels[i] = (byte) greys[labels[i] & 0xff];
			return new ByteProcessor(getWidth(), getHeight(), pixels);
		}

		@Override
		public Object getPixels(final int n) {
			return getProcessor(n).getPixels();
		}

		@Override
		public int getSize() {
			return frames.slices();
		}

		@Override
		public int size() {
			return frames.slices();
		}

		@Override
		public int getBitDepth() {
			return sixteenBit ? 16 : 8;
		}

		@Override
		public String getSliceLabel(final int n) {
			return frames.sliceLabel(n);
		}
	}
}
