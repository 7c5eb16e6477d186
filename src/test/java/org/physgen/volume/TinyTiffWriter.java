package org.physgen.volume;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * A minimal little-endian TIFF writer for tests: one page per slice, several strips per page,
 * uncompressed, LZW (optionally with horizontal predictor), Deflate or PackBits, as a classic TIFF
 * or a BigTIFF (version 43: 8-byte offsets, 20-byte directory entries, LONG8 strip arrays). It
 * produces files the way other software does, independently of ImageJ's encoder.
 */
final class TinyTiffWriter {

	static final int NONE = 1;
	static final int LZW = 5;
	static final int DEFLATE = 8;
	static final int PACKBITS = 32773;

	private final int width;
	private final int height;
	private final int bitsPerSample;
	private final int compression;
	private final int rowsPerStrip;
	private boolean predictor;
	private boolean incompleteDeflate;
	private boolean loop;
	private boolean big;

	TinyTiffWriter(final int width, final int height, final int bitsPerSample, final int compression,
		final int rowsPerStrip)
	{
		this.width = width;
		this.height = height;
		this.bitsPerSample = bitsPerSample;
		this.compression = compression;
		this.rowsPerStrip = rowsPerStrip;
	}

	TinyTiffWriter withPredictor() {
		predictor = true;
		return this;
	}

	/** Damaged files: every Deflate stream cut in half (strip lengths still match the file). */
	TinyTiffWriter withIncompleteDeflate() {
		incompleteDeflate = true;
		return this;
	}

	/** BigTIFF instead of classic TIFF. */
	TinyTiffWriter withBigTiff() {
		big = true;
		return this;
	}

	/** Damaged files: the last directory points back to the first. */
	TinyTiffWriter withLoop() {
		loop = true;
		return this;
	}

	/** @param pages per page, the sample values (x + y * width) */
	byte[] write(final List<int[]> pages) {
		final Out out = new Out();
		out.bytes(new byte[] { 'I', 'I' });
		out.u16(big ? 43 : 42);
		if (big) {
			out.u16(8);
			out.u16(0);
		}
		int nextPointer = out.size();
		out.offset(0, big);
		int firstDirectory = 0;
		final int bytesPerSample = bitsPerSample / 8;
		for (final int[] page : pages) {
			final int strips = (height + rowsPerStrip - 1) / rowsPerStrip;
			final int[] offsets = new int[strips];
			final int[] counts = new int[strips];
			for (int s = 0; s < strips; s++) {
				final int y0 = s * rowsPerStrip;
				final int rows = Math.min(rowsPerStrip, height - y0);
				final byte[] raw = new byte[rows * width * bytesPerSample];
				for (int y = 0; y < rows; y++) {
					for (int x = 0; x < width; x++) {
						int v = page[x + (y0 + y) * width];
						if (predictor && x > 0) v -= page[x - 1 + (y0 + y) * width];
						final int at = (y * width + x) * bytesPerSample;
						raw[at] = (byte) v;
						if (bytesPerSample == 2) raw[at + 1] = (byte) (v >> 8);
					}
				}
				final byte[] data = compress(raw, width * bytesPerSample);
				offsets[s] = out.size();
				counts[s] = data.length;
				out.bytes(data);
				if ((out.size() & 1) == 1) out.bytes(new byte[1]);
			}
			int offsetArray = 0;
			int countArray = 0;
			if (strips > 1) {
				offsetArray = out.size();
				for (final int o : offsets) out.offset(o, big);
				countArray = out.size();
				for (final int c : counts) out.offset(c, big);
			}
			final int ifd = out.size();
			if (firstDirectory == 0) firstDirectory = ifd;
			out.putOffset(nextPointer, ifd, big);
			final int entries = predictor ? 10 : 9;
			if (big) out.offset(entries, true);
			else out.u16(entries);
			final int offsetType = big ? 16 : 4;
			out.entry(256, 4, 1, width, big);
			out.entry(257, 4, 1, height, big);
			out.entry(258, 3, 1, bitsPerSample, big);
			out.entry(259, 3, 1, compression, big);
			out.entry(262, 3, 1, 1, big);
			out.entry(273, offsetType, strips, strips == 1 ? offsets[0] : offsetArray, big);
			out.entry(277, 3, 1, 1, big);
			out.entry(278, 4, 1, rowsPerStrip, big);
			out.entry(279, offsetType, strips, strips == 1 ? counts[0] : countArray, big);
			if (predictor) out.entry(317, 3, 1, 2, big);
			nextPointer = out.size();
			out.offset(0, big);
		}
		if (loop) out.putOffset(nextPointer, firstDirectory, big);
		return out.toByteArray();
	}

	private byte[] compress(final byte[] raw, final int rowBytes) {
		return switch (compression) {
			case NONE -> raw;
			case DEFLATE -> {
				final byte[] data = deflate(raw);
				yield incompleteDeflate ? Arrays.copyOf(data, data.length / 2) : data;
			}
			case LZW -> lzw(raw);
			case PACKBITS -> packBits(raw, rowBytes);
			default -> throw new IllegalArgumentException("compression " + compression);
		};
	}

	static byte[] deflate(final byte[] raw) {
		final Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
		deflater.setInput(raw);
		deflater.finish();
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		final byte[] buffer = new byte[4096];
		while (!deflater.finished()) out.write(buffer, 0, deflater.deflate(buffer));
		deflater.end();
		return out.toByteArray();
	}

	/** TIFF LZW: MSB-first codes, 9 to 12 bits, code width grows one code late as the reader expects. */
	static byte[] lzw(final byte[] raw) {
		final Bits bits = new Bits();
		final Map<Integer, Integer> table = new HashMap<>();
		int width = 9;
		int next = 258;
		bits.put(256, width);
		int prefix = -1;
		for (final byte b : raw) {
			final int c = b & 0xff;
			if (prefix < 0) {
				prefix = c;
				continue;
			}
			final Integer known = table.get(prefix << 8 | c);
			if (known != null) {
				prefix = known;
				continue;
			}
			bits.put(prefix, width);
			table.put(prefix << 8 | c, next++);
			if (next == 4094) {
				bits.put(256, width);
				table.clear();
				next = 258;
				width = 9;
			}
			else if (next == 1 << width) width++;
			prefix = c;
		}
		if (prefix >= 0) {
			bits.put(prefix, width);
			next++;
			if (next == 1 << width && width < 12) width++;
		}
		bits.put(257, width);
		return bits.toByteArray();
	}

	/** PackBits, each row packed on its own as the TIFF specification asks. */
	static byte[] packBits(final byte[] raw, final int rowBytes) {
		final ByteArrayOutputStream out = new ByteArrayOutputStream();
		for (int row = 0; row < raw.length; row += rowBytes) {
			final int end = row + rowBytes;
			int i = row;
			while (i < end) {
				int run = 1;
				while (i + run < end && run < 128 && raw[i + run] == raw[i]) run++;
				if (run >= 3) {
					out.write(1 - run);
					out.write(raw[i]);
					i += run;
					continue;
				}
				int literal = 0;
				while (i + literal < end && literal < 128) {
					final int at = i + literal;
					if (at + 2 < end && raw[at] == raw[at + 1] && raw[at] == raw[at + 2]) break;
					literal++;
				}
				out.write(literal - 1);
				out.write(raw, i, literal);
				i += literal;
			}
		}
		return out.toByteArray();
	}

	private static final class Bits {

		private final ByteArrayOutputStream out = new ByteArrayOutputStream();
		private long buffer;
		private int count;

		void put(final int code, final int width) {
			buffer = buffer << width | code;
			count += width;
			while (count >= 8) {
				out.write((int) (buffer >>> (count - 8)));
				count -= 8;
			}
		}

		byte[] toByteArray() {
			if (count > 0) out.write((int) (buffer << (8 - count)));
			count = 0;
			return out.toByteArray();
		}
	}

	private static final class Out {

		private final List<Byte> bytes = new ArrayList<>();

		int size() {
			return bytes.size();
		}

		void bytes(final byte[] data) {
			for (final byte b : data) bytes.add(b);
		}

		void u16(final int v) {
			bytes.add((byte) v);
			bytes.add((byte) (v >> 8));
		}

		void u32(final int v) {
			u16(v & 0xffff);
			u16(v >>> 16);
		}

		/** An offset or count: 4 bytes in a classic TIFF, 8 in a BigTIFF. */
		void offset(final int v, final boolean big) {
			u32(v);
			if (big) u32(0);
		}

		void putOffset(final int at, final int v, final boolean big) {
			for (int k = 0; k < (big ? 8 : 4); k++) bytes.set(at + k, (byte) (k < 4 ? v >>> (8 * k) : 0));
		}

		/**
		 * type 3 = SHORT, 4 = LONG, 16 = LONG8; a single value sits at the start of the value field (4
		 * bytes, or 8 in a BigTIFF), several at the offset given as value.
		 */
		void entry(final int tag, final int type, final int count, final int value, final boolean big) {
			u16(tag);
			u16(type);
			offset(count, big);
			if (type == 3 && count == 1) {
				u16(value);
				u16(0);
				if (big) u32(0);
			}
			else offset(value, big);
		}

		byte[] toByteArray() {
			final byte[] result = new byte[bytes.size()];
			for (int i = 0; i < result.length; i++) result[i] = bytes.get(i);
			return result;
		}
	}
}
