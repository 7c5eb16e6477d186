package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BigTIFF volumes, written byte by byte, read back voxel for voxel. */
class BigTiffTest {

	@TempDir
	Path dir;

	/** Layers of grey values that change with x, y and z, so that a swapped axis or page shows. */
	private static List<int[]> pages(final int width, final int height, final int depth, final int[] greys) {
		final List<int[]> pages = new ArrayList<>();
		for (int z = 0; z < depth; z++) {
			final int[] page = new int[width * height];
			for (int i = 0; i < page.length; i++) page[i] = greys[(i % width / 2 + i / width + 2 * z) % greys.length];
			pages.add(page);
		}
		return pages;
	}

	private LabelVolume writeAndRead(final TinyTiffWriter writer, final List<int[]> pages) throws IOException {
		final Path file = dir.resolve("scan.tif");
		final byte[] bytes = writer.withBigTiff().write(pages);
		assertArrayEquals(new byte[] { 'I', 'I', 43, 0, 8, 0, 0, 0 }, Arrays.copyOf(bytes, 8), "a BigTIFF header");
		Files.write(file, bytes);
		return VolumeReader.read(file);
	}

	private static void assertGreys(final List<int[]> pages, final LabelVolume volume) {
		assertEquals(pages.size(), volume.sizeZ());
		final int[][] greys = TestVolumes.greys(volume);
		for (int z = 0; z < pages.size(); z++) assertArrayEquals(pages.get(z), greys[z], "slice " + z);
	}

	@Test
	void uncompressed8BitWithSeveralStripsPerPage() throws IOException {
		final int[] greys = { 0, 128, 255 };
		final List<int[]> pages = pages(13, 11, 5, greys);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(13, 11, 8, TinyTiffWriter.NONE, 4), pages);
		assertEquals(13, volume.sizeX());
		assertEquals(11, volume.sizeY());
		assertGreys(pages, volume);
		assertEquals(PhaseTable.ofGreyValues(greys), volume.phases());
	}

	@Test
	void deflate16Bit() throws IOException {
		final int[] greys = { 3, 1000, 40000, 65535 };
		final List<int[]> pages = pages(9, 7, 4, greys);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(9, 7, 16, TinyTiffWriter.DEFLATE, 3), pages);
		assertGreys(pages, volume);
		assertEquals(PhaseTable.ofGreyValues(greys), volume.phases());
	}

	@Test
	void lzw8BitWithHorizontalPredictor() throws IOException {
		final int[] greys = { 0, 1, 2 };
		final List<int[]> pages = pages(16, 8, 3, greys);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(16, 8, 8, TinyTiffWriter.LZW, 8)
			.withPredictor(), pages);
		assertGreys(pages, volume);
	}

	@Test
	void aSinglePageIsNotAStack() throws IOException {
		final Path file = dir.resolve("slice.tif");
		Files.write(file, new TinyTiffWriter(5, 4, 8, TinyTiffWriter.NONE, 4).withBigTiff().write(List.of(
			new int[20])));
		final VolumeFormatException refused = assertThrows(VolumeFormatException.class, () -> VolumeReader.read(
			file));
		assertTrue(refused.getMessage().contains("5 x 4"), refused.getMessage());
	}

	@Test
	void aTruncatedBigTiffIsNamedSo() throws IOException {
		final byte[] whole = new TinyTiffWriter(13, 11, 8, TinyTiffWriter.NONE, 11).withBigTiff().write(pages(13,
			11, 4, new int[] { 0, 255 }));
		final Path file = dir.resolve("cut.tif");
		Files.write(file, Arrays.copyOf(whole, whole.length - 60));
		final VolumeFormatException refused = assertThrows(VolumeFormatException.class, () -> VolumeReader.read(
			file));
		assertEquals("truncated BigTIFF: " + file + " (" + (whole.length - 60) + " bytes) ends inside its list of"
			+ " pages", refused.getMessage());
	}

	@Test
	void damagedDeflateDataIsRefusedNamingTheSlice() throws IOException {
		final Path file = dir.resolve("damaged.tif");
		Files.write(file, new TinyTiffWriter(13, 11, 8, TinyTiffWriter.DEFLATE, 11).withBigTiff()
			.withIncompleteDeflate().write(pages(13, 11, 3, new int[] { 0, 255 })));
		final VolumeFormatException refused = assertThrows(VolumeFormatException.class, () -> VolumeReader.read(
			file));
		assertTrue(refused.getMessage().startsWith("cannot read slice 1 of 3 in BigTIFF " + file),
			refused.getMessage());
	}

	@Test
	void aBigTiffWithoutPagesIsRefused() throws IOException {
		final Path file = Files.write(dir.resolve("empty.tif"), new byte[] { 'I', 'I', 43, 0, 8, 0, 0, 0, 0, 0, 0,
			0, 0, 0, 0, 0 });
		final VolumeFormatException refused = assertThrows(VolumeFormatException.class, () -> VolumeReader.read(
			file));
		assertEquals("corrupt BigTIFF " + file + ": it has no pages", refused.getMessage());
	}

	@Test
	void aDirectoryChainThatLoopsIsRefused() throws IOException {
		final Path file = dir.resolve("loop.tif");
		Files.write(file, new TinyTiffWriter(5, 4, 8, TinyTiffWriter.NONE, 4).withBigTiff().withLoop().write(
			pages(5, 4, 3, new int[] { 0, 1 })));
		final VolumeFormatException refused = assertThrows(VolumeFormatException.class, () -> VolumeReader.read(
			file));
		assertEquals("corrupt BigTIFF " + file + ": its list of pages loops back on itself", refused.getMessage());
	}
}
