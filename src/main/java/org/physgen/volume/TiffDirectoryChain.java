package org.physgen.volume;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the chain of image directories of a TIFF or BigTIFF without decoding them, before a decoder
 * does: ImageJ never returns from a chain that loops back on itself, and ImageJ and the BigTIFF
 * reader silently stop at a directory beyond the end of a cut-off file, which would make a truncated
 * stack look like a shorter one or a single 2D image.
 * Like ImageJ, it stops after the first directory of an ImageJ stack, whose slices follow each other
 * and whose further directories ImageJ ignores.
 */
final class TiffDirectoryChain {

	private static final int MAX_DIRECTORIES = 1 << 20;
	private static final int CLASSIC_TIFF = 42;
	private static final int BIG_TIFF = 43;
	private static final int IMAGE_DESCRIPTION = 270;
	private static final int ASCII = 2;
	private static final int DESCRIPTION_PREFIX = 1000;
	private static final Pattern IMAGES = Pattern.compile("(?m)^images=(\\d{1,9})\\s*$");

	private TiffDirectoryChain() {}

	enum State {
		/** The chain ends properly (or the file is no TIFF; the decoder will say so). */
		OK,
		/** A directory, or the pointer to the next one, lies beyond the end of the file. */
		TRUNCATED,
		/** A directory points back to an earlier one. */
		LOOP
	}

	static State inspect(final Path file, final long fileLength) throws IOException {
		if (fileLength < 8) return State.OK;
		try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r")) {
			final int order = raf.readUnsignedShort();
			final boolean little;
			if (order == 0x4949) little = true;
			else if (order == 0x4d4d) little = false;
			else return State.OK;
			final int version = read16(raf, little);
			if (version == BIG_TIFF) return inspectBig(raf, little, fileLength);
			if (version != CLASSIC_TIFF) return State.OK;
			long offset = read32(raf, little);
			final Set<Long> seen = new HashSet<>();
			while (offset != 0 && seen.size() < MAX_DIRECTORIES) {
				if (!seen.add(offset)) return State.LOOP;
				if (offset < 8 || offset + 2 > fileLength) return State.TRUNCATED;
				raf.seek(offset);
				final int entries = read16(raf, little);
				final long next = offset + 2 + 12L * entries;
				if (next + 4 > fileLength) return State.TRUNCATED;
				if (seen.size() == 1 && isImageJStack(raf, offset, entries, little, fileLength)) {
					return State.OK;
				}
				raf.seek(next);
				offset = read32(raf, little);
			}
			return State.OK;
		}
	}

	/** BigTIFF: 8-byte offsets and entry counts, 20-byte entries, the first directory's offset at byte 8. */
	private static State inspectBig(final RandomAccessFile raf, final boolean little, final long fileLength)
		throws IOException
	{
		if (fileLength < 16) return State.TRUNCATED;
		raf.seek(8);
		long offset = read64(raf, little);
		final Set<Long> seen = new HashSet<>();
		while (offset != 0 && seen.size() < MAX_DIRECTORIES) {
			if (!seen.add(offset)) return State.LOOP;
			if (offset < 16 || offset > fileLength - 8) return State.TRUNCATED;
			raf.seek(offset);
			final long entries = read64(raf, little);
			if (entries > (fileLength - offset) / 20) return State.TRUNCATED;
			final long next = offset + 8 + 20 * entries;
			if (next + 8 > fileLength) return State.TRUNCATED;
			raf.seek(next);
			offset = read64(raf, little);
		}
		return State.OK;
	}

	/** Whether the directory has an ImageJ description announcing several images. */
	private static boolean isImageJStack(final RandomAccessFile raf, final long directory,
		final int entries, final boolean little, final long fileLength) throws IOException
	{
		for (int e = 0; e < entries; e++) {
			raf.seek(directory + 2 + 12L * e);
			final int tag = read16(raf, little);
			final int type = read16(raf, little);
			final long count = read32(raf, little);
			if (tag != IMAGE_DESCRIPTION || type != ASCII || count <= 4) continue;
			final long at = read32(raf, little);
			final int length = (int) Math.min(count, DESCRIPTION_PREFIX);
			if (at + length > fileLength) return false;
			final byte[] text = new byte[length];
			raf.seek(at);
			raf.readFully(text);
			final String description = new String(text, StandardCharsets.ISO_8859_1);
			if (!description.startsWith("ImageJ")) return false;
			final Matcher images = IMAGES.matcher(description);
			return images.find() && Long.parseLong(images.group(1)) > 1;
		}
		return false;
	}

	private static int read16(final RandomAccessFile raf, final boolean little) throws IOException {
		final int a = raf.read();
		final int b = raf.read();
		return little ? a | b << 8 : a << 8 | b;
	}

	private static long read32(final RandomAccessFile raf, final boolean little) throws IOException {
		final long low = read16(raf, little);
		final long high = read16(raf, little);
		return little ? low | high << 16 : low << 16 | high;
	}

	/** An unsigned 64-bit value; one beyond 2^63 comes out negative, which the callers take as corrupt. */
	private static long read64(final RandomAccessFile raf, final boolean little) throws IOException {
		final long first = read32(raf, little);
		final long second = read32(raf, little);
		return little ? first | second << 32 : first << 32 | second;
	}
}
