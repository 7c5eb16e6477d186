package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.InpaintRegions;
import org.physgen.model.TargetFractions;
import org.physgen.nn.ModelFamily;
import org.physgen.train.TrainingResult;
import org.physgen.metrics.report.VolumeStatistics;
import org.physgen.volume.LabelVolume;
import org.scijava.Context;
import org.scijava.service.SciJavaService;

import ij.ImagePlus;

class PhysGenServiceTest {

	private static Context context;
	private static PhysGenService physgen;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		context = new Context(SciJavaService.class);
		physgen = context.service(PhysGenService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void isAmongTheServicesEveryScriptingContextHas() {
		assertNotNull(physgen);
		assertSame(physgen, context.getService(PhysGenService.class));
	}

	@Test
	void readsSavesAndWrapsVolumes() throws Exception {
		final LabelVolume volume = TinyModels.trainingVolume();
		final Path file = dir.resolve("rock.tif");
		physgen.save(volume, file.toString());
		final LabelVolume read = physgen.read(file.toString());
		assertArrayEquals(volume.phaseCounts(), read.phaseCounts());
		final ImagePlus imp = physgen.image(read, "rock");
		assertSame(read.slice(3), imp.getStack().getPixels(4), "the stack shares the volume's slices");
		assertArrayEquals(volume.phaseCounts(), physgen.volume(imp).phaseCounts());
		assertEquals(ModelFamily.PFGMPP, physgen.pfgmConfig(dir.resolve("m.physgen").toString()).family());
	}

	@Test
	void trainsLoadsAndGeneratesWithExactCounts() throws Exception {
		final Path model = dir.resolve("script-dsd.physgen");
		final TrainingResult result = physgen.train(TinyModels.trainingVolume(),
			TinyModels.tiny(physgen.dsdConfig(model.toString())));
		assertFalse(result.cancelled());
		assertEquals(3, result.steps());
		assertTrue(Files.isRegularFile(model));
		try (GenerativeModel loaded = physgen.load(model.toString(), "cpu", 1)) {
			final List<LabelVolume> volumes = physgen.generate(loaded, new GenerationRequest(2, 8, 8, 8,
				TargetFractions.parse("0.5"), 4, 1, 1.0, 2));
			assertEquals(2, volumes.size());
			for (final LabelVolume v : volumes) assertArrayEquals(new long[] { 256, 256 }, v.phaseCounts());
			final List<ImagePlus> images = physgen.images(volumes, "gen");
			assertEquals("gen-2", images.get(1).getTitle());
		}
	}

	@Test
	void inpaintsABoxAndMeasuresTheResult() throws Exception {
		final LabelVolume volume = TinyModels.trainingVolume();
		try (GenerativeModel model = physgen.load(TinyModels.dsd().toString(), "cpu", 1)) {
			final byte[][] mask = InpaintRegions.box("0,0,0,4,4,4", volume.sizeX(), volume.sizeY(), volume.sizeZ());
			final long[] before = InpaintRegions.counts(volume, mask);
			final LabelVolume edited = physgen.inpaint(model, volume, "0,0,0,4,4,4", "", 5);
			assertArrayEquals(before, InpaintRegions.counts(edited, mask), "the box keeps its counts");
			assertArrayEquals(volume.phaseCounts(), edited.phaseCounts());
			assertEquals(volume.sizeX(), edited.sizeX());
		}
		try (GenerativeModel model = physgen.load(TinyModels.pfgm().toString(), "cpu", 1)) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> physgen.inpaint(model, volume, "0,0,0,4,4,4", "", 5));
			assertTrue(e.getMessage().contains("cannot inpaint"), e.getMessage());
		}
		final VolumeStatistics statistics = physgen.statistics(volume, "all", "fractions");
		assertFalse(statistics.scalars().isEmpty());
	}

	@Test
	void badConfigurationIsRefusedBeforeTraining() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> physgen.train(
			TinyModels.trainingVolume(), physgen.dsdConfig(dir.resolve("x.physgen").toString()).steps(0)));
		assertTrue(e.getMessage().contains("steps"), e.getMessage());
	}
}
