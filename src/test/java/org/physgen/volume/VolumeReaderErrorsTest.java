package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;

class VolumeReaderErrorsTest {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	@TempDir
	Path dir;

	private static VolumeFormatException assertRefused(final Path file, final String... fragments) {
		final VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> VolumeReader
			.read(file));
		for (final String fragment : fragments) {
			assertTrue(e.getMessage().contains(fragment), "'" + fragment + "' in: " + e.getMessage());
		}
		return e;
	}

	private Path tiff(final String name, final int width, final int height, final int bits,
		final List<int[]> pages) throws IOException
	{
		final Path file = dir.resolve(name);
		Files.write(file, new TinyTiffWriter(width, height, bits, TinyTiffWriter.NONE, height).write(
			pages));
		return file;
	}

	@Test
	void singleImageIs2D() throws IOException {
		final Path file = tiff("flat.tif", 3, 2, 8, List.of(new int[] { 0, 1, 0, 1, 0, 1 }));
		assertRefused(file, "2D image", file.toString(), "3 x 2", "PhysGen needs a 3D stack (z slices)");
	}

	@Test
	void moreThanEightLabels() throws IOException {
		final int[] a = new int[16];
		final int[] b = new int[16];
		for (int i = 0; i < 16; i++) {
			a[i] = i * 10;
			b[i] = 5;
		}
		final Path file = tiff("grey.tif", 4, 4, 8, List.of(a, b));
		assertRefused(file, "too many labels: 17 distinct values", file.toString(), "at most 8 phases");
	}

	@Test
	void exactlyEightLabelsAreFine() throws IOException {
		final int[] a = { 0, 10, 20, 30 };
		final int[] b = { 40, 50, 60, 70 };
		final LabelVolume volume = VolumeReader.read(tiff("eight.tif", 2, 2, 8, List.of(a, b)));
		assertEquals(8, volume.phases().phaseCount());
		assertEquals(70, volume.phases().greyValue(7));
	}

	@Test
	void sixteenBitWithManyLabels() throws IOException {
		final int[] a = new int[100];
		final int[] b = new int[100];
		for (int i = 0; i < 100; i++) {
			a[i] = 1000 + i;
			b[i] = 1000;
		}
		final Path file = tiff("grey16.tif", 10, 10, 16, List.of(a, b));
		assertRefused(file, "too many labels: 100 distinct values", file.toString());
	}

	@Test
	void singlePhase() throws IOException {
		final int[] a = new int[6];
		Arrays.fill(a, 255);
		final Path file = tiff("uniform.tif", 3, 2, 8, List.of(a, a.clone(), a.clone()));
		assertRefused(file, "only one phase", file.toString(), "value 255", "at least 2 phases");
	}

	@Test
	void nonIntegerFloatTiff() throws IOException {
		final ImageStack stack = new ImageStack(3, 2);
		stack.addSlice(null, new FloatProcessor(3, 2, new float[] { 0, 1, 0, 1, 0, 1 }));
		stack.addSlice(null, new FloatProcessor(3, 2, new float[] { 0, 1, 0, 1, 0.5f, 1 }));
		final Path file = dir.resolve("float.tif");
		assertTrue(new FileSaver(new ImagePlus("float", stack)).saveAsTiffStack(file.toString()));
		assertRefused(file, "non-integer data", file.toString(), "value 0.5 at x=1, y=1, z=1");
	}

	@Test
	void integerFloatTiffIsRead() throws IOException {
		final ImageStack stack = new ImageStack(2, 1);
		stack.addSlice(null, new FloatProcessor(2, 1, new float[] { 2, 7 }));
		stack.addSlice(null, new FloatProcessor(2, 1, new float[] { 7, 7 }));
		final Path file = dir.resolve("floatlabels.tif");
		assertTrue(new FileSaver(new ImagePlus("float", stack)).saveAsTiffStack(file.toString()));
		final LabelVolume volume = VolumeReader.read(file);
		assertEquals(PhaseTable.ofGreyValues(2, 7), volume.phases());
		assertEquals(1, volume.phaseCounts()[0]);
	}

	@Test
	void rgbTiff() throws IOException {
		final ImageStack stack = new ImageStack(2, 2);
		stack.addSlice(null, new ColorProcessor(2, 2));
		stack.addSlice(null, new ColorProcessor(2, 2));
		final Path file = dir.resolve("colour.tif");
		assertTrue(new FileSaver(new ImagePlus("rgb", stack)).saveAsTiffStack(file.toString()));
		assertRefused(file, "RGB colour image", file.toString());
	}

	@Test
	void hyperstackFiles() throws IOException {
		final ImageStack stack = new ImageStack(2, 2);
		for (int i = 0; i < 4; i++) stack.addSlice(null, new byte[] { 0, 1, (byte) i, 0 });
		final ImagePlus channels = new ImagePlus("channels", stack);
		channels.setDimensions(2, 2, 1);
		final Path twoChannels = dir.resolve("channels.tif");
		assertTrue(new FileSaver(channels).saveAsTiffStack(twoChannels.toString()));
		assertRefused(twoChannels, "hyperstack with 2 channels", twoChannels.toString());

		final ImagePlus frames = new ImagePlus("frames", stack.duplicate());
		frames.setDimensions(1, 1, 4);
		final Path fourFrames = dir.resolve("frames.tif");
		assertTrue(new FileSaver(frames).saveAsTiffStack(fourFrames.toString()));
		assertRefused(fourFrames, "hyperstack with 4 time frames", fourFrames.toString());
	}

	@Test
	void missingFile() {
		final Path file = dir.resolve("nowhere.tif");
		assertRefused(file, "file not found", file.toString());
	}

	@Test
	void notATiff() throws IOException {
		final Path file = dir.resolve("text.tif");
		Files.writeString(file, "this is not an image, just some text that is long enough");
		assertRefused(file, "not a TIFF file", file.toString());
	}

	@Test
	void truncatedTiff() throws IOException {
		final LabelVolume volume = TestVolumes.random(16, 16, 8, PhaseTable.ofGreyValues(0, 255),
			VoxelSize.DEFAULT, 8);
		final Path file = dir.resolve("truncated.tif");
		TiffVolumeWriter.write(volume, file);
		final byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
		assertRefused(file, "truncated", file.toString());
	}

	@Test
	void truncatedCompressedTiff() throws IOException {
		final byte[] bytes = new TinyTiffWriter(32, 32, 8, TinyTiffWriter.DEFLATE, 8).write(stripes(32,
			32, 6));
		final Path file = dir.resolve("cut.tif");
		// keep the header and the first page's strips, drop the rest including every directory
		Files.write(file, Arrays.copyOf(bytes, 200));
		assertRefused(file, "truncated TIFF", file.toString());
		Files.write(file, Arrays.copyOf(bytes, bytes.length - 20));
		assertRefused(file, "truncated TIFF", file.toString());
	}

	private static List<int[]> stripes(final int width, final int height, final int depth) {
		final List<int[]> pages = new ArrayList<>();
		for (int z = 0; z < depth; z++) {
			final int[] page = new int[width * height];
			for (int i = 0; i < page.length; i++) page[i] = (i * 31 + z) % 3 * 100;
			pages.add(page);
		}
		return pages;
	}

	@Test
	void incompleteDeflateStreamIsReportedNotDecodedForever() throws IOException {
		final Path file = dir.resolve("halfdeflate.tif");
		Files.write(file, new TinyTiffWriter(32, 32, 8, TinyTiffWriter.DEFLATE, 8)
			.withIncompleteDeflate().write(stripes(32, 32, 3)));
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(file, "corrupt TIFF",
			file.toString(), "Deflate data of slice 1 (strip 1) is incomplete"));
	}

	@Test
	void loopingPageListIsReportedNotFollowedForever() throws IOException {
		final Path file = dir.resolve("loop.tif");
		Files.write(file, new TinyTiffWriter(8, 8, 8, TinyTiffWriter.NONE, 8).withLoop().write(stripes(
			8, 8, 3)));
		assertTimeoutPreemptively(Duration.ofSeconds(20), () -> assertRefused(file, "corrupt TIFF",
			file.toString(), "loops"));
	}

	@Test
	void corruptDirectory() throws IOException {
		final Path file = tiff("corrupt.tif", 4, 4, 8, List.of(new int[16], new int[16]));
		final byte[] bytes = Files.readAllBytes(file);
		final int ifd = (bytes[4] & 0xff) | (bytes[5] & 0xff) << 8;
		// BitsPerSample (third entry) set to 7
		bytes[ifd + 2 + 2 * 12 + 8] = 7;
		Files.write(file, bytes);
		assertRefused(file, file.toString());
	}

	@Test
	void zipWithoutTiff() throws IOException {
		final Path file = dir.resolve("notes.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("readme.txt"));
			zip.write("hello".getBytes());
			zip.closeEntry();
		}
		assertRefused(file, "no TIFF inside", file.toString(), "readme.txt");
	}

	@Test
	void zipWithTwoTiffs() throws IOException {
		final Path file = dir.resolve("two.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			for (final String name : new String[] { "a.tif", "b.tiff" }) {
				zip.putNextEntry(new ZipEntry(name));
				zip.write(new byte[] { 1 });
				zip.closeEntry();
			}
		}
		assertRefused(file, "2 TIFF files inside", "a.tif, b.tiff");
	}

	@Test
	void zipWithOneTiffIsRead() throws IOException {
		final PhaseTable table = new PhaseTable(new int[] { 0, 255 }, new String[] { "pore", "grain" });
		final LabelVolume volume = TestVolumes.random(6, 5, 3, table, VoxelSize.isotropic(2, "µm"), 9);
		final Path tif = dir.resolve("inner.tif");
		TiffVolumeWriter.write(volume, tif);
		final Path file = dir.resolve("one.zip");
		try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
			zip.putNextEntry(new ZipEntry("__MACOSX/._volume.tif"));
			zip.write(new byte[] { 0 });
			zip.putNextEntry(new ZipEntry("data/volume.tif"));
			Files.copy(tif, zip);
			zip.closeEntry();
		}
		final LabelVolume read = VolumeReader.read(file);
		TestVolumes.assertSameLabels(volume, read);
		assertEquals(table, read.phases());
		assertEquals(volume.voxelSize(), read.voxelSize());
	}

	@Test
	void brokenZip() throws IOException {
		final Path file = dir.resolve("broken.zip");
		try (OutputStream out = Files.newOutputStream(file)) {
			out.write("PK not really a zip".getBytes());
		}
		assertRefused(file, file.toString());
	}

	@Test
	void unknownExtension() throws IOException {
		final Path file = dir.resolve("volume.nrrd");
		Files.writeString(file, "x");
		assertRefused(file, "unsupported file type '.nrrd'", file.toString());
	}
}
