package org.physgen.volume;

import java.nio.ByteOrder;
import java.util.Objects;

/**
 * Layout of a raw volume file: {@code headerBytes} skipped, then sizeZ slices of sizeY rows of sizeX
 * voxels of the given type and byte order (x fastest).
 */
public record RawFormat(int sizeX, int sizeY, int sizeZ, RawType type, ByteOrder order,
	long headerBytes)
{

	public RawFormat {
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
			throw new IllegalArgumentException("raw volume size must be at least 1 voxel along each axis,"
				+ " got " + sizeX + "x" + sizeY + "x" + sizeZ);
		}
		if ((long) sizeX * sizeY > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("raw slice of " + sizeX + "x" + sizeY
				+ " voxels is larger than 2^31 voxels");
		}
		Objects.requireNonNull(type, "raw voxel type");
		Objects.requireNonNull(order, "raw byte order");
		if (headerBytes < 0) {
			throw new IllegalArgumentException("raw header size must be >= 0, got " + headerBytes);
		}
	}

	/** No header, little-endian (the byte order is irrelevant for UINT8). */
	public RawFormat(final int sizeX, final int sizeY, final int sizeZ, final RawType type) {
		this(sizeX, sizeY, sizeZ, type, ByteOrder.LITTLE_ENDIAN, 0);
	}

	public long voxelCount() {
		return (long) sizeX * sizeY * sizeZ;
	}

	/** Expected file length in bytes. */
	public long fileLength() {
		return headerBytes + voxelCount() * type.bytesPerVoxel();
	}

	@Override
	public String toString() {
		return sizeX + "x" + sizeY + "x" + sizeZ + " " + type
			+ (type.bytesPerVoxel() == 1 ? "" : order == ByteOrder.BIG_ENDIAN ? " big-endian"
				: " little-endian")
			+ (headerBytes > 0 ? " after a " + headerBytes + "-byte header" : "");
	}
}
