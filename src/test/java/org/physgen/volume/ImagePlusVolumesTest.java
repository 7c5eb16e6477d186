package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;

class ImagePlusVolumesTest {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	@TempDir
	Path dir;

	private static final PhaseTable ROCK = new PhaseTable(new int[] { 0, 255 }, new String[] { "pore",
		"grain" });

	private static ImagePlus byteStack(final String title, final int width, final int height,
		final byte[]... slices)
	{
		final ImageStack stack = new ImageStack(width, height);
		for (final byte[] slice : slices) stack.addSlice(null, slice);
		return new ImagePlus(title, stack);
	}

	@Test
	void wrapSharesSliceArraysBothWays() {
		final VoxelSize voxel = new VoxelSize(0.5, 0.25, 2, "µm");
		final LabelVolume volume = TestVolumes.random(6, 4, 5, ROCK, voxel, 21);
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(volume, "rock");
		assertEquals("rock", imp.getTitle());
		assertEquals(5, imp.getNSlices());
		assertEquals(1, imp.getNChannels());
		assertEquals(1, imp.getNFrames());
		assertEquals(5, imp.getStackSize());
		assertEquals(8, imp.getBitDepth());
		for (int z = 0; z < 5; z++) assertSame(volume.slice(z), imp.getStack().getPixels(z + 1));

		imp.setSlice(3);
		assertSame(volume.slice(2), imp.getProcessor().getPixels());
		final int before = volume.phaseAt(1, 2, 2);
		imp.getProcessor().set(1, 2, 1 - before);
		assertEquals(1 - before, volume.phaseAt(1, 2, 2), "edit through ImageJ is seen by the volume");

		volume.setPhase(4, 3, 4, 1);
		volume.setPhase(5, 3, 4, 0);
		assertEquals(1, imp.getStack().getProcessor(5).get(4, 3), "edit of the volume is seen by ImageJ");
		assertEquals(0, (int) imp.getStack().getVoxel(5, 3, 4));

		final Calibration calibration = imp.getCalibration();
		assertEquals(0.5, calibration.pixelWidth, 0);
		assertEquals(0.25, calibration.pixelHeight, 0);
		assertEquals(2, calibration.pixelDepth, 0);
		assertEquals("µm", calibration.getUnit());
		assertEquals(0, imp.getDisplayRangeMin(), 0);
		assertEquals(1, imp.getDisplayRangeMax(), 0);
	}

	@Test
	void roundTripThroughImagePlusSharesAndKeepsThePhaseTable() {
		final LabelVolume volume = TestVolumes.random(5, 5, 3, new PhaseTable(new int[] { 0, 85, 170 },
			new String[] { "pore", "NMC", "CBD" }), VoxelSize.isotropic(0.4, "mm"), 22);
		final ImagePlus imp = ImagePlusVolumes.toImagePlus(volume, "electrode");
		final LabelVolume back = ImagePlusVolumes.fromImagePlus(imp);
		for (int z = 0; z < 3; z++) assertSame(volume.slice(z), back.slice(z));
		assertEquals(volume.phases(), back.phases());
		assertEquals(volume.voxelSize(), back.voxelSize());
	}

	@Test
	void fromImagePlusSharesPhaseIndices() {
		final byte[] a = { 0, 1, 2, 1 };
		final byte[] b = { 2, 2, 0, 0 };
		final ImagePlus imp = byteStack("indices", 2, 2, a, b);
		final LabelVolume volume = ImagePlusVolumes.fromImagePlus(imp);
		assertSame(a, volume.slice(0));
		assertSame(b, volume.slice(1));
		assertTrue(volume.phases().isIdentity());
		assertEquals(3, volume.phases().phaseCount());
		assertEquals(VoxelSize.DEFAULT, volume.voxelSize());
	}

	@Test
	void fromImagePlusCopiesGreyValuesAndLeavesTheImageUnchanged() {
		final byte[] a = { 0, (byte) 255, (byte) 255, 0 };
		final byte[] b = { (byte) 255, 0, 0, 0 };
		final ImagePlus imp = byteStack("rock", 2, 2, a, b);
		imp.getCalibration().pixelWidth = 3;
		imp.getCalibration().pixelHeight = 3;
		imp.getCalibration().pixelDepth = 4;
		imp.getCalibration().setUnit("nm");
		final LabelVolume volume = ImagePlusVolumes.fromImagePlus(imp);
		assertNotSame(a, volume.slice(0));
		assertArrayEquals(new byte[] { 0, 1, 1, 0 }, volume.slice(0));
		assertArrayEquals(new byte[] { 1, 0, 0, 0 }, volume.slice(1));
		assertArrayEquals(new byte[] { 0, (byte) 255, (byte) 255, 0 }, a, "user's image unchanged");
		assertArrayEquals(new byte[] { (byte) 255, 0, 0, 0 }, b, "user's image unchanged");
		assertEquals(PhaseTable.ofGreyValues(0, 255), volume.phases());
		assertEquals(new VoxelSize(3, 3, 4, "nm"), volume.voxelSize());
	}

	@Test
	void fromImagePlusSixteenAndThirtyTwoBit() {
		final ImageStack shorts = new ImageStack(2, 1);
		shorts.addSlice(null, new ShortProcessor(2, 1, new short[] { 1000, (short) 40000 }, null));
		shorts.addSlice(null, new ShortProcessor(2, 1, new short[] { 1000, 1000 }, null));
		final LabelVolume fromShorts = ImagePlusVolumes.fromImagePlus(new ImagePlus("s", shorts));
		assertEquals(PhaseTable.ofGreyValues(1000, 40000), fromShorts.phases());
		assertArrayEquals(new byte[] { 0, 1 }, fromShorts.slice(0));

		final ImageStack floats = new ImageStack(2, 1);
		floats.addSlice(null, new FloatProcessor(2, 1, new float[] { 1, 2 }));
		floats.addSlice(null, new FloatProcessor(2, 1, new float[] { 2, 1.5f }));
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> ImagePlusVolumes.fromImagePlus(new ImagePlus("fractions", floats)));
		assertTrue(e.getMessage().contains(
			"non-integer data in image 'fractions': value 1.5 at x=1, y=0, z=1"), e.getMessage());
	}

	@Test
	void savedWithImageJAndReopenedKeepsPhases() throws IOException {
		final LabelVolume volume = TestVolumes.random(4, 3, 3, ROCK, VoxelSize.isotropic(1.5, "µm"), 23);
		final Path file = dir.resolve("fiji.tif");
		assertTrue(new FileSaver(ImagePlusVolumes.toImagePlus(volume, "rock")).saveAsTiffStack(file
			.toString()));
		final LabelVolume reopened = ImagePlusVolumes.fromImagePlus(IJ.openImage(file.toString()));
		TestVolumes.assertSameLabels(volume, reopened);
		assertEquals(ROCK, reopened.phases());
		final LabelVolume read = VolumeReader.read(file);
		TestVolumes.assertSameLabels(volume, read);
		assertEquals(ROCK, read.phases());
		assertEquals(volume.voxelSize(), read.voxelSize());
	}

	@Test
	void refusesWhatIsNotALabelStack() {
		final ImagePlus flat = new ImagePlus("flat", new ByteProcessor(3, 3));
		assertMessage(flat, "2D image: image 'flat'", "3 x 3", "3D stack (z slices)");

		final ImagePlus channels = byteStack("channels", 2, 2, new byte[4], new byte[] { 1, 0, 0, 0 },
			new byte[4], new byte[4]);
		channels.setDimensions(2, 2, 1);
		assertMessage(channels, "hyperstack with 2 channels", "image 'channels'");

		final ImagePlus frames = byteStack("movie", 2, 2, new byte[4], new byte[] { 1, 0, 0, 0 },
			new byte[4]);
		frames.setDimensions(1, 1, 3);
		assertMessage(frames, "hyperstack with 3 time frames", "image 'movie'");

		final ImageStack rgb = new ImageStack(2, 2);
		rgb.addSlice(null, new ColorProcessor(2, 2));
		rgb.addSlice(null, new ColorProcessor(2, 2));
		assertMessage(new ImagePlus("photo", rgb), "RGB colour image: image 'photo'");

		final byte[][] many = new byte[2][9];
		for (int i = 0; i < 9; i++) many[0][i] = (byte) (i * 20);
		assertMessage(byteStack("grey", 3, 3, many),
			"too many labels: 9 distinct values in image 'grey'");

		assertMessage(byteStack("empty", 2, 2, new byte[4], new byte[4]),
			"only one phase in image 'empty': every voxel has value 0");
	}

	private static void assertMessage(final ImagePlus imp, final String... fragments) {
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> ImagePlusVolumes.fromImagePlus(imp));
		for (final String fragment : fragments) {
			assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
		}
	}
}
