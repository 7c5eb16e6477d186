package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compressed multipage TIFFs written by an independent encoder (in the tests), read back through
 * ImageJ's decoders.
 */
class CompressedTiffTest {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	@TempDir
	Path dir;

	/** Blobby labels with the given grey values, so that LZW builds long strings and wide codes. */
	private static List<int[]> pages(final int width, final int height, final int depth,
		final int[] greys, final long seed)
	{
		return pages(width, height, depth, greys, 30, seed);
	}

	/** @param noise percentage of voxels with a random label */
	private static List<int[]> pages(final int width, final int height, final int depth,
		final int[] greys, final int noise, final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		final List<int[]> pages = new ArrayList<>();
		for (int z = 0; z < depth; z++) {
			final int[] page = new int[width * height];
			for (int i = 0; i < page.length; i++) {
				final int x = i % width;
				final int y = i / width;
				final int smooth = ((x / 3 + y / 2 + z) % greys.length);
				page[i] = greys[random.nextInt(100) < noise ? random.nextInt(greys.length) : smooth];
			}
			pages.add(page);
		}
		return pages;
	}

	private LabelVolume writeAndRead(final TinyTiffWriter writer, final List<int[]> pages,
		final String name) throws IOException
	{
		final Path file = dir.resolve(name);
		Files.write(file, writer.write(pages));
		return VolumeReader.read(file);
	}

	private static void assertGreys(final List<int[]> pages, final LabelVolume volume) {
		assertEquals(pages.size(), volume.sizeZ());
		final int[][] greys = TestVolumes.greys(volume);
		for (int z = 0; z < pages.size(); z++) assertArrayEquals(pages.get(z), greys[z], "slice " + z);
	}

	@Test
	void deflate8BitSeveralStrips() throws IOException {
		final int[] greys = { 0, 85, 170 };
		final List<int[]> pages = pages(61, 37, 6, greys, 11);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(61, 37, 8, TinyTiffWriter.DEFLATE,
			8), pages, "deflate8.tif");
		assertGreys(pages, volume);
		assertEquals(PhaseTable.ofGreyValues(greys), volume.phases());
	}

	@Test
	void deflate16BitOneStripPerPage() throws IOException {
		final int[] greys = { 3, 1000, 40000, 65535 };
		final List<int[]> pages = pages(23, 19, 4, greys, 12);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(23, 19, 16, TinyTiffWriter.DEFLATE,
			19), pages, "deflate16.tif");
		assertGreys(pages, volume);
	}

	@Test
	void lzw8BitWithWideCodesAndTableResets() throws IOException {
		final int[] greys = { 0, 1, 2, 7, 200 };
		final List<int[]> pages = pages(256, 128, 3, greys, 100, 13);
		final byte[] strip = new byte[256 * 128];
		for (int i = 0; i < strip.length; i++) strip[i] = (byte) pages.get(0)[i];
		// more codes than fit in one table: the encoder goes through 10, 11 and 12 bits and clears it
		assertTrue(TinyTiffWriter.lzw(strip).length * 8 / 12 > 4096);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(256, 128, 8, TinyTiffWriter.LZW,
			128), pages, "lzw8.tif");
		assertGreys(pages, volume);
	}

	@Test
	void lzw8BitWithPredictorAndStrips() throws IOException {
		final int[] greys = { 10, 20, 30 };
		final List<int[]> pages = pages(33, 29, 5, greys, 14);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(33, 29, 8, TinyTiffWriter.LZW, 4)
			.withPredictor(), pages, "lzwpredictor.tif");
		assertGreys(pages, volume);
	}

	@Test
	void lzw16Bit() throws IOException {
		final int[] greys = { 0, 300, 5000 };
		final List<int[]> pages = pages(40, 30, 3, greys, 15);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(40, 30, 16, TinyTiffWriter.LZW, 7),
			pages, "lzw16.tif");
		assertGreys(pages, volume);
	}

	@Test
	void packBits8Bit() throws IOException {
		final int[] greys = { 0, 255 };
		final List<int[]> pages = pages(50, 20, 4, greys, 16);
		final LabelVolume volume = writeAndRead(new TinyTiffWriter(50, 20, 8, TinyTiffWriter.PACKBITS,
			6), pages, "packbits.tif");
		assertGreys(pages, volume);
	}

	@Test
	void compressionReallyHappened() {
		final List<int[]> pages = pages(64, 64, 2, new int[] { 0, 255 }, 0, 17);
		final byte[] uncompressed = new TinyTiffWriter(64, 64, 8, TinyTiffWriter.NONE, 64).write(pages);
		for (final int compression : new int[] { TinyTiffWriter.DEFLATE, TinyTiffWriter.LZW,
			TinyTiffWriter.PACKBITS })
		{
			final byte[] compressed = new TinyTiffWriter(64, 64, 8, compression, 64).write(pages);
			assertTrue(compressed.length < uncompressed.length * 0.8, "compression " + compression
				+ ": " + compressed.length + " vs " + uncompressed.length + " bytes");
		}
	}
}
