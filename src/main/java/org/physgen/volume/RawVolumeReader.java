package org.physgen.volume;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads a headerless (or fixed-header) raw volume whose layout the user gives as a
 * {@link RawFormat}. Slices are read and labelled one at a time.
 */
public final class RawVolumeReader {

	private static final int CHUNK_BYTES = 1 << 22;

	private RawVolumeReader() {}

	/** Reads a raw volume with the default voxel size (1 pixel). */
	public static LabelVolume read(final Path file, final RawFormat format) throws IOException {
		return read(file, format, VoxelSize.DEFAULT);
	}

	/**
	 * Reads a raw volume.
	 *
	 * @throws VolumeFormatException when the file is missing, its length does not match the format,
	 *           or its values are not a segmentation (see {@link VolumeReader})
	 */
	public static LabelVolume read(final Path file, final RawFormat format,
		final VoxelSize voxelSize) throws IOException
	{
		VolumeReader.checkReadable(file);
		final long length = Files.size(file);
		if (length != format.fileLength()) {
			throw new VolumeFormatException("wrong raw dimensions: " + file + " has " + length
				+ " bytes, " + format.sizeX() + "x" + format.sizeY() + "x" + format.sizeZ() + " "
				+ format.type() + " needs " + format.fileLength() + (format.headerBytes() > 0
					? " (including a " + format.headerBytes() + "-byte header)" : ""));
		}
		final String source = file.toString();
		if (format.sizeZ() < 2) throw GreyLabelling.notAStack(source, format.sizeX(), format.sizeY());
		final int voxels = format.sizeX() * format.sizeY();
		final GreyLabelling labelling = new GreyLabelling(source, format.sizeX(), format.sizeY());
		final int bytesPerVoxel = format.type().bytesPerVoxel();
		final ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(CHUNK_BYTES, (long) voxels
			* bytesPerVoxel)).order(format.order());
		try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
			channel.position(format.headerBytes());
			for (int z = 0; z < format.sizeZ(); z++) {
				switch (format.type()) {
					case UINT8 -> {
						final byte[] slice = new byte[voxels];
						readFully(channel, ByteBuffer.wrap(slice), source);
						labelling.addUnsigned8(slice, true);
					}
					case UINT16, INT16 -> {
						final short[] slice = new short[voxels];
						for (int done = 0; done < voxels;) {
							final int n = fill(channel, buffer, voxels - done, 2, source);
							buffer.asShortBuffer().get(slice, done, n);
							done += n;
						}
						if (format.type() == RawType.UINT16) labelling.addUnsigned16(slice);
						else labelling.addSigned16(slice);
					}
					case FLOAT32 -> {
						final float[] slice = new float[voxels];
						for (int done = 0; done < voxels;) {
							final int n = fill(channel, buffer, voxels - done, 4, source);
							buffer.asFloatBuffer().get(slice, done, n);
							done += n;
						}
						labelling.addFloat(slice);
					}
				}
			}
		}
		return labelling.finish(null, voxelSize);
	}

	/** Reads up to {@code maxVoxels} voxels into the buffer; returns the number read. */
	private static int fill(final FileChannel channel, final ByteBuffer buffer, final int maxVoxels,
		final int bytesPerVoxel, final String source) throws IOException
	{
		final int n = Math.min(maxVoxels, buffer.capacity() / bytesPerVoxel);
		buffer.clear().limit(n * bytesPerVoxel);
		readFully(channel, buffer, source);
		buffer.flip();
		return n;
	}

	private static void readFully(final FileChannel channel, final ByteBuffer buffer,
		final String source) throws IOException
	{
		while (buffer.hasRemaining()) {
			if (channel.read(buffer) < 0) throw new EOFException("unexpected end of " + source);
		}
	}
}
