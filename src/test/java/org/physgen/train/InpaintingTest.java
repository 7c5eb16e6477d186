package org.physgen.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerativeModel;
import org.physgen.model.InpaintRequest;
import org.physgen.volume.LabelVolume;

/** Inpainting keeps every voxel outside the mask and gives the region exact counts. */
class InpaintingTest {

	@TempDir
	static Path folder;

	private static Path model;

	@BeforeAll
	static void train() throws IOException {
		model = folder.resolve("rock.physgen");
		PhysGenModels.train(List.of(TrainingVolumes.rock()),
			PhysGenModelsTest.small(TrainingConfig.dsd(model)).steps(2), TrainingListener.NONE);
	}

	@Test
	void regionGetsTheGivenCountsAndTheRestStays() throws IOException {
		final LabelVolume rock = TrainingVolumes.rock();
		final byte[][] mask = box(rock, 4, 12);
		final long[] region = { 412, 100 };
		try (GenerativeModel dsd = PhysGenModels.load(model, "cpu", 2)) {
			final LabelVolume result = dsd.inpaint(new InpaintRequest(rock, mask, region, 3, 0.5),
				GenerationListener.NONE);
			long[] inside = new long[2];
			for (int z = 0; z < 16; z++) {
				for (int i = 0; i < 256; i++) {
					if (mask[z][i] != 0) inside[result.slice(z)[i]]++;
					else assertEquals(rock.slice(z)[i], result.slice(z)[i], "voxel outside the mask changed");
				}
			}
			assertArrayEquals(region, inside);
			final LabelVolume kept = dsd.inpaint(new InpaintRequest(rock, mask, null, 3, 0.5),
				GenerationListener.NONE);
			assertArrayEquals(rock.phaseCounts(), kept.phaseCounts());
			final IllegalArgumentException wrongSum = assertThrows(IllegalArgumentException.class,
				() -> dsd.inpaint(new InpaintRequest(rock, mask, new long[] { 1, 2 }, 3, 0.5),
					GenerationListener.NONE));
			assertTrue(wrongSum.getMessage().contains("512 voxels"), wrongSum.getMessage());
		}
	}

	private static byte[][] box(final LabelVolume volume, final int from, final int to) {
		final byte[][] mask = new byte[volume.sizeZ()][volume.sizeX() * volume.sizeY()];
		for (int z = from; z < to; z++) {
			for (int y = from; y < to; y++) {
				for (int x = from; x < to; x++) mask[z][y * volume.sizeX() + x] = 1;
			}
		}
		return mask;
	}
}
