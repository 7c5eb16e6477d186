package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RawVolumeReaderTest {

	@TempDir
	Path dir;

	private static final int SX = 5;
	private static final int SY = 3;
	private static final int SZ = 4;

	/** Grey value of voxel i (x + y * SX + z * SX * SY) drawn from {@code greys}. */
	private static int grey(final int i, final int[] greys) {
		return greys[(i * 7 + i / 5) % greys.length];
	}

	private Path write(final String name, final int header, final RawType type, final ByteOrder order,
		final int[] greys)
	{
		final int n = SX * SY * SZ;
		final ByteBuffer buffer = ByteBuffer.allocate(header + n * type.bytesPerVoxel()).order(order);
		for (int h = 0; h < header; h++) buffer.put((byte) 0x5a);
		for (int i = 0; i < n; i++) {
			final int v = grey(i, greys);
			switch (type) {
				case UINT8 -> buffer.put((byte) v);
				case UINT16, INT16 -> buffer.putShort((short) v);
				case FLOAT32 -> buffer.putFloat(v);
			}
		}
		final Path file = dir.resolve(name);
		try {
			Files.write(file, buffer.array());
		}
		catch (final IOException e) {
			throw new AssertionError(e);
		}
		return file;
	}

	private static void assertLabels(final LabelVolume volume, final int[] greys) {
		assertEquals(SX, volume.sizeX());
		assertEquals(SY, volume.sizeY());
		assertEquals(SZ, volume.sizeZ());
		final int[][] read = TestVolumes.greys(volume);
		for (int z = 0; z < SZ; z++) {
			final int[] expected = new int[SX * SY];
			for (int i = 0; i < expected.length; i++) expected[i] = grey(i + z * SX * SY, greys);
			assertArrayEquals(expected, read[z], "slice " + z);
		}
	}

	@Test
	void uint8() throws IOException {
		final int[] greys = { 0, 255, 128 };
		final Path file = write("u8.raw", 0, RawType.UINT8, ByteOrder.LITTLE_ENDIAN, greys);
		final LabelVolume volume = RawVolumeReader.read(file, new RawFormat(SX, SY, SZ, RawType.UINT8));
		assertLabels(volume, greys);
		assertEquals(PhaseTable.ofGreyValues(0, 128, 255), volume.phases());
		assertEquals(VoxelSize.DEFAULT, volume.voxelSize());
	}

	@Test
	void uint16BothByteOrders() throws IOException {
		final int[] greys = { 65535, 0, 258, 40000 };
		for (final ByteOrder order : new ByteOrder[] { ByteOrder.BIG_ENDIAN, ByteOrder.LITTLE_ENDIAN }) {
			final Path file = write("u16-" + order + ".raw", 0, RawType.UINT16, order, greys);
			final LabelVolume volume = RawVolumeReader.read(file, new RawFormat(SX, SY, SZ,
				RawType.UINT16, order, 0));
			assertLabels(volume, greys);
			assertEquals(PhaseTable.ofGreyValues(0, 258, 40000, 65535), volume.phases());
		}
	}

	@Test
	void uint16WrongByteOrderGivesOtherValues() throws IOException {
		final int[] greys = { 1, 2 };
		final Path file = write("swapped.raw", 0, RawType.UINT16, ByteOrder.BIG_ENDIAN, greys);
		final LabelVolume volume = RawVolumeReader.read(file, new RawFormat(SX, SY, SZ,
			RawType.UINT16, ByteOrder.LITTLE_ENDIAN, 0));
		assertEquals(PhaseTable.ofGreyValues(256, 512), volume.phases());
	}

	@Test
	void int16WithHeaderAndVoxelSize() throws IOException {
		final int[] greys = { 3, 1, 2 };
		final Path file = write("i16.raw", 100, RawType.INT16, ByteOrder.BIG_ENDIAN, greys);
		final VoxelSize voxel = new VoxelSize(1.5, 1.5, 2, "µm");
		final LabelVolume volume = RawVolumeReader.read(file, new RawFormat(SX, SY, SZ, RawType.INT16,
			ByteOrder.BIG_ENDIAN, 100), voxel);
		assertLabels(volume, greys);
		assertEquals(voxel, volume.voxelSize());
	}

	@Test
	void float32IntegerValuesWithHeader() throws IOException {
		final int[] greys = { 0, 1, 2 };
		final Path file = write("f32.raw", 16, RawType.FLOAT32, ByteOrder.LITTLE_ENDIAN, greys);
		final LabelVolume volume = RawVolumeReader.read(file, new RawFormat(SX, SY, SZ,
			RawType.FLOAT32, ByteOrder.LITTLE_ENDIAN, 16));
		assertLabels(volume, greys);
		assertTrue(volume.phases().isIdentity());
	}

	@Test
	void wrongDimensions() {
		final Path file = write("u8.raw", 0, RawType.UINT8, ByteOrder.LITTLE_ENDIAN, new int[] { 0, 1 });
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> RawVolumeReader.read(file, new RawFormat(64, 64, 64, RawType.UINT8)));
		assertTrue(e.getMessage().startsWith("wrong raw dimensions: "), e.getMessage());
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
		assertTrue(e.getMessage().contains("has 60 bytes, 64x64x64 UINT8 needs 262144"), e
			.getMessage());
	}

	@Test
	void wrongHeaderSize() {
		final Path file = write("f.raw", 0, RawType.FLOAT32, ByteOrder.LITTLE_ENDIAN, new int[] { 0,
			1 });
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> RawVolumeReader.read(file, new RawFormat(SX, SY, SZ, RawType.FLOAT32,
				ByteOrder.LITTLE_ENDIAN, 8)));
		assertTrue(e.getMessage().contains("has 240 bytes"), e.getMessage());
		assertTrue(e.getMessage().contains("needs 248 (including a 8-byte header)"), e.getMessage());
	}

	@Test
	void nonIntegerFloat() throws IOException {
		final ByteBuffer buffer = ByteBuffer.allocate(SX * SY * SZ * 4).order(ByteOrder.LITTLE_ENDIAN);
		for (int i = 0; i < SX * SY * SZ; i++) buffer.putFloat(i % 2);
		buffer.putFloat((SX * SY + 2 * SX + 1) * 4, 0.25f);
		final Path file = dir.resolve("fraction.raw");
		Files.write(file, buffer.array());
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> RawVolumeReader.read(file, new RawFormat(SX, SY, SZ, RawType.FLOAT32)));
		assertTrue(e.getMessage().startsWith("non-integer data in " + file), e.getMessage());
		assertTrue(e.getMessage().contains("value 0.25 at x=1, y=2, z=1"), e.getMessage());
	}

	@Test
	void negativeSigned16() throws IOException {
		final Path file = write("neg.raw", 0, RawType.INT16, ByteOrder.LITTLE_ENDIAN, new int[] { 0, 1,
			-1 });
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> RawVolumeReader.read(file, new RawFormat(SX, SY, SZ, RawType.INT16)));
		assertTrue(e.getMessage().contains("label value -1"), e.getMessage());
		assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
	}

	@Test
	void singleSliceIsRejected() throws IOException {
		final Path file = dir.resolve("flat.raw");
		Files.write(file, new byte[] { 0, 1, 1, 0 });
		final VolumeFormatException e = assertThrows(VolumeFormatException.class,
			() -> RawVolumeReader.read(file, new RawFormat(2, 2, 1, RawType.UINT8)));
		assertTrue(e.getMessage().startsWith("2D image: " + file), e.getMessage());
	}

	@Test
	void volumeReaderRefusesRawWithoutFormat() {
		final Path file = write("u8.raw", 0, RawType.UINT8, ByteOrder.LITTLE_ENDIAN, new int[] { 0, 1 });
		final VolumeFormatException e = assertThrows(VolumeFormatException.class, () -> VolumeReader
			.read(file));
		assertTrue(e.getMessage().contains("RawFormat"), e.getMessage());
	}

	@Test
	void slicesLargerThanTheReadBufferAreAssembledInOrder() throws IOException {
		final int sx = 1200;
		final int sy = 1000;
		final ByteBuffer buffer = ByteBuffer.allocate(sx * sy * 2 * 4).order(ByteOrder.BIG_ENDIAN);
		for (int i = 0; i < sx * sy * 2; i++) buffer.putFloat((i / 7) % 3);
		final Path file = dir.resolve("big.raw");
		Files.write(file, buffer.array());
		final LabelVolume volume = RawVolumeReader.read(file, new RawFormat(sx, sy, 2,
			RawType.FLOAT32, ByteOrder.BIG_ENDIAN, 0));
		for (final int i : new int[] { 0, 1048575, 1048576, 1048577, sx * sy - 1 }) {
			assertEquals((i / 7) % 3, volume.slice(0)[i]);
			assertEquals(((i + sx * sy) / 7) % 3, volume.slice(1)[i]);
		}
	}
}
