package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;

class TiffRoundTripTest {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	@TempDir
	Path dir;

	private LabelVolume roundTrip(final LabelVolume volume, final String name) throws IOException {
		final Path file = dir.resolve(name);
		TiffVolumeWriter.write(volume, file);
		final LabelVolume read = VolumeReader.read(file);
		TestVolumes.assertSameLabels(volume, read);
		assertEquals(volume.phases(), read.phases(), "phase table");
		assertEquals(volume.voxelSize(), read.voxelSize(), "voxel size");
		return read;
	}

	/** Opens the file with plain ImageJ 1 and checks the stack and its grey values. */
	private static ImagePlus assertImageJReads(final Path file, final LabelVolume volume,
		final int bitDepth)
	{
		final ImagePlus imp = IJ.openImage(file.toString());
		assertNotNull(imp, "ImageJ opens " + file);
		assertEquals(volume.sizeZ(), imp.getNSlices(), "nSlices");
		assertEquals(1, imp.getNChannels(), "nChannels");
		assertEquals(1, imp.getNFrames(), "nFrames");
		assertEquals(bitDepth, imp.getBitDepth(), "bit depth");
		final ImageStack stack = imp.getStack();
		final int[][] greys = TestVolumes.greys(volume);
		for (int z = 0; z < volume.sizeZ(); z++) {
			for (int i = 0; i < greys[z].length; i++) {
				final int x = i % volume.sizeX();
				final int y = i / volume.sizeX();
				assertEquals(greys[z][i], (int) stack.getVoxel(x, y, z), "grey at " + x + "," + y + "," + z);
			}
		}
		return imp;
	}

	@Test
	void binary0And255() throws IOException {
		final PhaseTable table = new PhaseTable(new int[] { 0, 255 }, new String[] { "pore", "grain" });
		final VoxelSize voxel = new VoxelSize(0.3, 0.7, 1.3, "µm");
		final LabelVolume volume = TestVolumes.random(7, 5, 4, table, voxel, 1);
		roundTrip(volume, "binary.tif");
		final ImagePlus imp = assertImageJReads(dir.resolve("binary.tif"), volume, 8);
		assertEquals("µm", imp.getCalibration().getUnit());
		assertEquals(1.3, imp.getCalibration().pixelDepth, 1e-12);
		assertEquals(0.3, imp.getCalibration().pixelWidth, 1e-6);
		assertEquals(0.7, imp.getCalibration().pixelHeight, 1e-6);
		assertEquals(255, imp.getDisplayRangeMax(), 0);
		assertTrue(((String) imp.getProperty("Info")).contains("physgen.phases=0:pore;255:grain"));
		final LabelVolume fromImage = ImagePlusVolumes.fromImagePlus(imp);
		TestVolumes.assertSameLabels(volume, fromImage);
		assertEquals(table, fromImage.phases());
		assertEquals(voxel, fromImage.voxelSize());
	}

	@Test
	void threePhasesWithNamesThatNeedEscaping() throws IOException {
		final PhaseTable table = new PhaseTable(new int[] { 0, 85, 170 }, new String[] { "pore",
			"NMC; active\\material", "carbon\nbinder: domain" });
		final LabelVolume volume = TestVolumes.random(9, 6, 5, table, VoxelSize.isotropic(0.4, "mm"), 2);
		final LabelVolume read = roundTrip(volume, "electrode.tiff");
		assertEquals("carbon\nbinder: domain", read.phases().name(2));
		final ImagePlus imp = assertImageJReads(dir.resolve("electrode.tiff"), volume, 8);
		assertEquals(170, imp.getDisplayRangeMax(), 0);
		assertEquals(0, imp.getDisplayRangeMin(), 0);
	}

	@Test
	void sixteenBitGreyValues() throws IOException {
		final PhaseTable table = new PhaseTable(new int[] { 0, 1000, 40000 }, new String[] { "a", "b",
			"c" });
		final LabelVolume volume = TestVolumes.random(6, 4, 3, table, new VoxelSize(2, 2, 5, "nm"), 3);
		roundTrip(volume, "sixteen.tif");
		final ImagePlus imp = assertImageJReads(dir.resolve("sixteen.tif"), volume, 16);
		assertEquals(40000, imp.getDisplayRangeMax(), 0);
	}

	@Test
	void identityTableAndDefaultVoxelSize() throws IOException {
		final LabelVolume volume = TestVolumes.random(5, 5, 3, PhaseTable.named("matrix", "fibre",
			"void"), VoxelSize.DEFAULT, 4);
		final LabelVolume read = roundTrip(volume, "identity.tif");
		assertEquals(VoxelSize.DEFAULT, read.voxelSize());
		final ImagePlus imp = assertImageJReads(dir.resolve("identity.tif"), volume, 8);
		assertEquals(2, imp.getDisplayRangeMax(), 0);
	}

	@Test
	void plainTiffWithoutPhaseNamesGetsValueNames() throws IOException {
		final Path file = dir.resolve("plain.tif");
		final int[] a = { 0, 9, 9, 0 };
		final int[] b = { 9, 9, 0, 0 };
		Files.write(file, new TinyTiffWriter(2, 2, 8, TinyTiffWriter.NONE, 2).write(List.of(a, b)));
		final LabelVolume read = VolumeReader.read(file);
		assertEquals(PhaseTable.ofGreyValues(0, 9), read.phases());
		assertEquals(List.of("value 0", "value 9"), read.phases().names());
		assertArrayEquals(new byte[] { 0, 1, 1, 0 }, read.slice(0));
		assertArrayEquals(new byte[] { 1, 1, 0, 0 }, read.slice(1));
		assertEquals(VoxelSize.DEFAULT, read.voxelSize());
	}

	@Test
	void overwritesAtomicallyCreatesDirectoriesAndLeavesNoTemporaryFiles() throws IOException {
		final Path file = dir.resolve("a").resolve("b").resolve("volume.tif");
		final LabelVolume first = TestVolumes.random(4, 4, 2, PhaseTable.ofGreyValues(0, 255),
			VoxelSize.DEFAULT, 5);
		final LabelVolume second = TestVolumes.random(4, 4, 2, PhaseTable.ofGreyValues(0, 255),
			VoxelSize.DEFAULT, 6);
		TiffVolumeWriter.write(first, file);
		TiffVolumeWriter.write(second, file);
		TestVolumes.assertSameLabels(second, VolumeReader.read(file));
		try (Stream<Path> files = Files.list(file.getParent())) {
			assertEquals(List.of(file), files.toList());
		}
	}

	@Test
	void failedWriteLeavesNothingBehind() throws IOException {
		final Path target = dir.resolve("occupied.tif");
		Files.createDirectories(target.resolve("inside"));
		final LabelVolume volume = TestVolumes.random(4, 4, 2, PhaseTable.ofGreyValues(0, 1),
			VoxelSize.DEFAULT, 7);
		assertThrows(IOException.class, () -> TiffVolumeWriter.write(volume, target));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(target), files.toList());
		}
	}
}
