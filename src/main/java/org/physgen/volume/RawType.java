package org.physgen.volume;

/** Voxel types of headerless raw volumes. */
public enum RawType {
	UINT8(1), UINT16(2), INT16(2), FLOAT32(4);

	private final int bytes;

	RawType(final int bytes) {
		this.bytes = bytes;
	}

	public int bytesPerVoxel() {
		return bytes;
	}
}
