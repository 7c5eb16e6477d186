package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ij.IJ;
import ij.ImagePlus;

/** Label volumes as the time frames of a hyperstack, in memory and as a TIFF that ImageJ opens. */
class TimeFramesTest {

	private static final VoxelSize VOXEL = VoxelSize.isotropic(0.5, "mm");

	@TempDir
	Path dir;

	@Test
	void theHyperstackSharesTheFramesAndLabelsEverySlice() {
		final TimeFrames frames = frames(PhaseTable.identity(3));
		final ImagePlus imp = ImagePlusVolumes.toHyperstack(frames, "growth");
		assertEquals(1, imp.getNChannels());
		assertEquals(4, imp.getNSlices());
		assertEquals(3, imp.getNFrames());
		assertTrue(imp.isHyperStack());
		assertEquals(0.5, imp.getCalibration().pixelDepth);
		assertEquals("mm", imp.getCalibration().getUnit());
		assertEquals(2, imp.getDisplayRangeMax(), "phases 0..2 shown over 0..2");
		assertSame(frames.volumes().get(1).slice(2), imp.getStack().getPixels(4 + 3), "frame 2, slice 3, no copy");
		assertEquals("t = 0.500", imp.getStack().getSliceLabel(4 + 1));
		assertEquals("t = 0.000", imp.getStack().getSliceLabel(12));
	}

	@Test
	void theTiffOpensInImageJWithItsFramesLabelsAndGreyValues() throws Exception {
		for (final PhaseTable table : List.of(PhaseTable.identity(3), PhaseTable.ofGreyValues(0, 128, 255))) {
			final Path file = TiffVolumeWriter.writeNew(frames(table), dir, "growth-" + table.greyValue(1));
			final ImagePlus imp = IJ.openImage(file.toString());
			assertEquals(4, imp.getNSlices());
			assertEquals(3, imp.getNFrames());
			assertEquals(0.5, imp.getCalibration().pixelWidth);
			assertEquals("mm", imp.getCalibration().getUnit());
			assertEquals("t = 1.000", imp.getStack().getSliceLabel(1));
			assertEquals("t = 0.500", imp.getStack().getSliceLabel(8));
			final byte[] last = (byte[]) imp.getStack().getPixels(12);
			assertEquals(table.greyValue(2), last[5] & 0xff, "frame 3 slice 4 voxel 5 holds phase 2");
			assertEquals(table.greyValue(0), ((byte[]) imp.getStack().getPixels(1))[5] & 0xff);
		}
	}

	@Test
	void anExistingFileIsNeverReplaced() throws Exception {
		final Path taken = dir.resolve("growth.tif");
		Files.writeString(taken, "not PhysGen's");
		final Path written = TiffVolumeWriter.writeNew(frames(PhaseTable.identity(3)), dir, "growth");
		assertEquals(dir.resolve("growth_2.tif").toAbsolutePath(), written);
		assertEquals("not PhysGen's", Files.readString(taken));
	}

	@Test
	void framesOfAnotherSizeOrWithoutOneLabelEachAreRefused() {
		final LabelVolume a = LabelVolume.create(3, 2, 4, PhaseTable.identity(2), VOXEL);
		final LabelVolume b = LabelVolume.create(3, 2, 5, PhaseTable.identity(2), VOXEL);
		final IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
			() -> new TimeFrames(List.of(a, b), List.of("1", "2")));
		assertTrue(size.getMessage().startsWith("time frame 2 (3 x 2 x 5) differs from the first (3 x 2 x 4)"),
			size.getMessage());
		assertThrows(IllegalArgumentException.class, () -> new TimeFrames(List.of(a, a), List.of("1")));
	}

	/** Three 3 x 2 x 4 frames, t = 1, 0.5, 0: frame k holds phase k at voxel 5 of every slice. */
	private static TimeFrames frames(final PhaseTable table) {
		final List<LabelVolume> volumes = new ArrayList<>();
		for (int k = 0; k < 3; k++) {
			final LabelVolume v = LabelVolume.create(3, 2, 4, table, VOXEL);
			for (int z = 0; z < 4; z++) v.slice(z)[5] = (byte) k;
			volumes.add(v);
		}
		return new TimeFrames(volumes, List.of("t = 1.000", "t = 0.500", "t = 0.000"));
	}
}
