package org.physgen.volume;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;

/**
 * Converts between {@link LabelVolume}s and ImageJ 1 images. {@link #toImagePlus} shares the slice
 * arrays (edits through either side are seen by the other); {@link #fromImagePlus} shares them when
 * the image already holds phase indices and copies otherwise, never changing the user's image.
 */
public final class ImagePlusVolumes {

	private ImagePlusVolumes() {}

	/**
	 * A Z stack ({@code setDimensions(1, sizeZ, 1)}) whose slices are the volume's own arrays, holding
	 * phase indices 0..P-1, displayed over 0..P-1, calibrated with the voxel size. The phase table is
	 * kept in the "Info" property, so that {@link #fromImagePlus} (also after the image was saved and
	 * reopened in Fiji) gives back the same phases.
	 */
	public static ImagePlus toImagePlus(final LabelVolume volume, final String title) {
		return toHyperstack(TimeFrames.single(volume), title);
	}

	/**
	 * A hyperstack of Z slices × F time frames ({@code setDimensions(1, sizeZ, F)}) whose slices are
	 * the frames' own arrays, each labelled with its frame's label, calibrated, displayed and carrying
	 * the phase table as {@link #toImagePlus} does. {@link #fromImagePlus} refuses it when F > 1.
	 */
	public static ImagePlus toHyperstack(final TimeFrames frames, final String title) {
		final LabelVolume first = frames.first();
		final ImageStack stack = new ImageStack(first.sizeX(), first.sizeY());
		for (int n = 1; n <= frames.slices(); n++) stack.addSlice(frames.sliceLabel(n), frames.slice(n));
		final ImagePlus imp = new ImagePlus(title, stack);
		imp.setDimensions(1, first.sizeZ(), frames.count());
		if (frames.count() > 1) imp.setOpenAsHyperStack(true);
		calibrate(imp, first.voxelSize());
		imp.setDisplayRange(0, first.phases().phaseCount() - 1);
		imp.setProperty("Info", PhaseMetadata.forIndexImage(first.phases(), first.voxelSize()));
		return imp;
	}

	/**
	 * The label volume of an image. An 8-bit image whose values are exactly the phase indices
	 * 0..P-1 (or that carries PhysGen's phase table with such indices) is wrapped without copying;
	 * any other image (for example 0/255, 16-bit, float) is converted like a file by
	 * {@link VolumeReader}, into new arrays.
	 *
	 * @throws VolumeFormatException for 2D images, hyperstacks with several channels or frames,
	 *           colour images, non-integer data, and fewer than 2 or more than
	 *           {@value PhaseTable#MAX_PHASES} distinct values
	 */
	public static LabelVolume fromImagePlus(final ImagePlus imp) {
		final String source = "image '" + imp.getTitle() + "'";
		if (imp.getType() == ImagePlus.COLOR_RGB) {
			throw new VolumeFormatException("RGB colour image: " + source
				+ "; PhysGen needs a label image (8- or 16-bit, one grey value per phase)");
		}
		if (imp.getNChannels() > 1) {
			throw new VolumeFormatException("hyperstack with " + imp.getNChannels() + " channels: "
				+ source + "; PhysGen needs a single-channel Z stack of labels (split the channels first)");
		}
		if (imp.getNFrames() > 1) {
			throw new VolumeFormatException("hyperstack with " + imp.getNFrames() + " time frames: "
				+ source + "; PhysGen needs a single Z stack (if the frames are z slices, swap them in"
				+ " Image > Properties)");
		}
		final int sizeX = imp.getWidth();
		final int sizeY = imp.getHeight();
		final int sizeZ = imp.getStackSize();
		if (sizeZ < 2) throw GreyLabelling.notAStack(source, sizeX, sizeY);

		final ImageStack stack = imp.getStack();
		final String info = imp.getInfoProperty();
		final PhaseMetadata.Declared declared = PhaseMetadata.parsePhases(info);
		final VoxelSize voxelSize = PhaseMetadata.refineVoxelSize(info, voxelSize(imp
			.getCalibration()));
		if (imp.getBitDepth() == 8 && !stack.isVirtual()) {
			final LabelVolume shared = wrapIndices(stack, sizeX, sizeY, declared, voxelSize);
			if (shared != null) return shared;
		}
		final GreyLabelling labelling = new GreyLabelling(source, sizeX, sizeY);
		for (int z = 1; z <= sizeZ; z++) labelling.add(stack.getPixels(z), false);
		return labelling.finish(declared, voxelSize);
	}

	/** A volume sharing the stack's arrays, or null when they do not hold phase indices. */
	private static LabelVolume wrapIndices(final ImageStack stack, final int sizeX, final int sizeY,
		final PhaseMetadata.Declared declared, final VoxelSize voxelSize)
	{
		final byte[][] slices = new byte[stack.getSize()][];
		final boolean[] present = new boolean[256];
		for (int z = 0; z < slices.length; z++) {
			slices[z] = (byte[]) stack.getPixels(z + 1);
			for (final byte b : slices[z]) present[b & 0xff] = true;
		}
		int distinct = 0;
		int max = -1;
		for (int v = 0; v < present.length; v++) {
			if (present[v]) {
				distinct++;
				max = v;
			}
		}
		final PhaseTable table;
		if (distinct < 2) return null;
		if (declared != null && declared.pixelsAreIndices() && max < declared.pixelValues().length) {
			table = declared.table();
		}
		else if (distinct == max + 1 && distinct <= PhaseTable.MAX_PHASES) {
			final int[] indices = new int[distinct];
			for (int p = 0; p < distinct; p++) indices[p] = p;
			table = PhaseTable.ofGreyValues(indices);
		}
		else return null;
		return LabelVolume.fromSlices(slices, sizeX, sizeY, table, voxelSize);
	}

	/** Sets the image's calibration from a voxel size; the default voxel size leaves it uncalibrated. */
	static void calibrate(final ImagePlus imp, final VoxelSize voxelSize) {
		final Calibration calibration = imp.getCalibration();
		if (voxelSize.equals(VoxelSize.DEFAULT)) return;
		calibration.pixelWidth = voxelSize.x();
		calibration.pixelHeight = voxelSize.y();
		calibration.pixelDepth = voxelSize.z();
		calibration.setUnit(voxelSize.unit());
	}

	static VoxelSize voxelSize(final Calibration calibration) {
		final String unit = calibration.getUnit();
		final double x = calibration.pixelWidth;
		final double y = calibration.pixelHeight;
		final double z = calibration.pixelDepth;
		if (!(x > 0 && y > 0 && z > 0) || !Double.isFinite(x * y * z)) return VoxelSize.DEFAULT;
		return new VoxelSize(x, y, z, unit);
	}
}
