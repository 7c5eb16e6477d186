package org.physgen.model.yukawa;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.physgen.PhysGenModels;
import org.physgen.fiji.TinyModels;
import org.physgen.model.GeneratedVolumes;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationProgress;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.GrowthSeries;
import org.physgen.model.TargetFractions;
import org.physgen.volume.LabelVolume;

/** The growth frames of Yukawa generation: the volume growing from the empty box, without changing it. */
class YukawaGrowthTest {

	/** Three volumes in batches of two, so that both a full and a partial batch record frames. */
	private static final GenerationRequest REQUEST = new GenerationRequest(3, 8, 8, 8, TargetFractions.parse("0.25"),
		4, 2, 0, 0);

	/** Fails on any progress: a refused request must not start sampling. */
	private static final GenerationListener NO_WORK = new GenerationListener() {

		@Override
		public void progress(final GenerationProgress progress) {
			fail("sampling started: " + progress.describe());
		}
	};

	@Test
	void framesLeaveTheVolumesByteIdenticalAndEndWithThem() throws Exception {
		try (GenerativeModel model = PhysGenModels.load(TinyModels.yukawa(), "cpu", 1)) {
			assertTrue(model.recordsGrowth());
			final GeneratedVolumes plain = model.generateWithGrowth(REQUEST, GenerationListener.NONE);
			assertTrue(plain.growth().isEmpty(), "no frames asked, none made");
			final GeneratedVolumes grown = model.generateWithGrowth(REQUEST.withFrames(4), GenerationListener.NONE);
			final List<LabelVolume> viaGenerate = model.generate(REQUEST.withFrames(4), GenerationListener.NONE);
			assertEquals(3, grown.volumes().size());
			assertEquals(3, grown.growth().size());
			for (int i = 0; i < 3; i++) {
				final LabelVolume volume = grown.volumes().get(i);
				for (int z = 0; z < 8; z++) {
					assertArrayEquals(plain.volumes().get(i).slice(z), volume.slice(z), "volume " + i + " slice " + z);
					assertArrayEquals(volume.slice(z), viaGenerate.get(i).slice(z), "generate: volume " + i);
				}
				assertArrayEquals(new long[] { 384, 128 }, volume.phaseCounts());
				final GrowthSeries series = grown.growth().get(i);
				assertEquals(4, series.size());
				final double[] times = series.times();
				assertEquals(1, times[0], 1e-9);
				assertEquals(times[0] * 2 / 3, times[1], 1e-15);
				assertEquals(times[0] / 3, times[2], 1e-15);
				assertEquals(0.0, times[3]);
				assertEquals(List.of("t = 1.000", "t = 0.667", "t = 0.333", "t = 0.000"), series.labels());
				final List<LabelVolume> frames = series.frames();
				assertArrayEquals(new long[] { 512, 0 }, frames.get(0).phaseCounts(), "the box starts empty");
				for (final LabelVolume frame : frames) {
					assertEquals(TinyModels.VOXEL, frame.voxelSize());
					assertEquals(volume.phases(), frame.phases());
					assertTrue(frame.phaseCounts()[1] <= 128, "no frame shows more pore voxels than particles");
				}
				assertTrue(frames.get(1).phaseCounts()[1] < frames.get(3).phaseCounts()[1],
					"a third of the way the linear survival has born about a third of the particles");
				for (int z = 0; z < 8; z++) {
					assertArrayEquals(volume.slice(z), frames.get(3).slice(z), "the last frame is the volume");
					assertNotSame(volume.slice(z), frames.get(3).slice(z), "a copy, not the volume's own array");
				}
			}
		}
	}

	@Test
	void framesOfOneOrBelowZeroAreRefusedNamingTheValue() {
		for (final int frames : new int[] { 1, -2 }) {
			final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> REQUEST.withFrames(frames));
			assertEquals("frames must be 0 (no growth frames) or at least 2 (the empty box at t = 1 and the volume at"
				+ " t = 0), got " + frames, refused.getMessage());
		}
	}

	@Test
	void otherFamiliesRefuseFramesBeforeAnyWork() throws Exception {
		try (GenerativeModel model = PhysGenModels.load(TinyModels.dsd(), "cpu", 1)) {
			assertFalse(model.recordsGrowth());
			for (final IllegalArgumentException refused : List.of(
				assertThrows(IllegalArgumentException.class, () -> model.generate(REQUEST.withFrames(3), NO_WORK)),
				assertThrows(IllegalArgumentException.class, () -> model.generateWithGrowth(REQUEST.withFrames(3),
					NO_WORK)),
				assertThrows(IllegalArgumentException.class, () -> model.requireFrames(3))))
			{
				assertTrue(refused.getMessage().startsWith("frames = 3: DSD models do not grow a volume"),
					refused.getMessage());
			}
			model.requireFrames(0);
		}
	}

	@Test
	void theMemoryCheckCountsTheFrames() throws Exception {
		try (GenerativeModel model = PhysGenModels.load(TinyModels.yukawa(), "cpu", 1)) {
			final long voxels = 64L * 64 * 64;
			final int frames = (int) Math.min(Integer.MAX_VALUE, 2 * Runtime.getRuntime().maxMemory() / voxels);
			final GenerationRequest large = new GenerationRequest(1, 64, 64, 64, TargetFractions.parse("0.25"), 1, 1,
				0, 0).withFrames(frames);
			final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> model.generateWithGrowth(large, NO_WORK));
			assertTrue(refused.getMessage().startsWith("Yukawa sampling (1 volume with " + frames
				+ " growth frames each, batch 1) at 64 x 64 x 64 voxels needs about"), refused.getMessage());
			// without frames the same run passes the checks and starts sampling, which this listener cancels
			assertThrows(CancellationException.class, () -> model.generateWithGrowth(large.withFrames(0),
				new GenerationListener() {

					@Override
					public boolean cancelled() {
						return true;
					}
				}));
		}
	}
}
