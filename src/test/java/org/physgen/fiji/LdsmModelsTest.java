package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.ldsm.SamplerKind;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.train.TrainingListener;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;
import org.scijava.Context;
import org.scijava.service.SciJavaService;

/**
 * A tiny local-DSM model (crop 8, width 4, a few steps) trains, saves, loads, resumes and generates
 * volumes with the exact requested counts through the script service, for two and three phases.
 */
class LdsmModelsTest {

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
	void twoPhaseModelGeneratesExactCountsWithBothSamplers() throws Exception {
		final Path model = dir.resolve("rock-ldsm.physgen");
		assertEquals(3, physgen.train(TinyModels.trainingVolume(), TinyModels.tiny(physgen.ldsmConfig(model
			.toString()))).steps());
		final ModelBundle bundle = ModelBundle.read(model, ModelFamily.LDSM);
		assertEquals(LocalDsmProcess.defaults(SamplerKind.ODE), bundle.metadata().process(LocalDsmProcess.class));
		try (GenerativeModel loaded = physgen.load(model.toString(), "cpu", 1)) {
			assertEquals(ModelFamily.LDSM, loaded.family());
			assertTrue(loaded.describe().startsWith("local-DSM (ODE) model"), loaded.describe());
			final List<LabelVolume> volumes = physgen.generate(loaded, new GenerationRequest(2, 8, 8, 8,
				TargetFractions.parse("0.3"), 4, 2, 0, 3));
			for (final LabelVolume v : volumes) assertArrayEquals(new long[] { 358, 154 }, v.phaseCounts());
			assertEquals(2.5, volumes.get(0).voxelSize().x());
			final List<LabelVolume> again = physgen.generate(loaded, new GenerationRequest(2, 8, 8, 8,
				TargetFractions.parse("0.3"), 4, 2, 0, 3));
			assertArrayEquals(volumes.get(1).slices(), again.get(1).slices(), "the same seed gives the same volumes");
		}
		final Path sde = dir.resolve("rock-ldsm-sde.physgen");
		physgen.train(TinyModels.trainingVolume(), TinyModels.tiny(physgen.ldsmConfig(sde.toString()))
			.sampler(SamplerKind.SDE).steps(1));
		try (GenerativeModel loaded = physgen.load(sde.toString(), "cpu", 1)) {
			final List<LabelVolume> volumes = physgen.generate(loaded, new GenerationRequest(1, 8, 8, 16,
				TargetFractions.parse("mean"), 4, 1, 0, 6));
			assertEquals(Math.round(loaded.trainingFractions()[0] * 1024), volumes.get(0).phaseCounts()[1]);
		}
	}

	@Test
	void threePhaseModelGeneratesExactCounts() throws Exception {
		final Path model = dir.resolve("electrode-ldsm.physgen");
		final LabelVolume electrode = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.ELECTRODE, 16,
			16, 16, new double[] { 0.4, 0.15 }, 2.0, 3.0, true, 5, VoxelSize.DEFAULT));
		physgen.train(electrode, TinyModels.tiny(physgen.ldsmConfig(model.toString())));
		try (GenerativeModel loaded = physgen.load(model.toString(), "cpu", 1)) {
			final List<LabelVolume> volumes = physgen.generate(loaded, new GenerationRequest(1, 8, 8, 8,
				TargetFractions.explicit(0.4, 0.15), 1, 1, 0, 3));
			assertArrayEquals(new long[] { 230, 205, 77 }, volumes.get(0).phaseCounts());
			assertTrue(assertThrows(IllegalArgumentException.class, () -> physgen.inpaint(loaded, electrode,
				"0,0,0,4,4,4", "", 5)).getMessage().contains("cannot inpaint"));
		}
	}

	@Test
	void resumingContinuesAsOneRunAndRefusesAnotherSampler() throws Exception {
		final Path straight = dir.resolve("straight.physgen"), resumed = dir.resolve("resumed.physgen");
		final List<LabelVolume> data = List.of(TinyModels.trainingVolume());
		PhysGenModels.train(data, TinyModels.tiny(physgen.ldsmConfig(straight.toString())).steps(4)
			.checkpointEvery(2), TrainingListener.NONE);
		PhysGenModels.train(data, TinyModels.tiny(physgen.ldsmConfig(resumed.toString())).steps(2)
			.checkpointEvery(2), TrainingListener.NONE);
		assertEquals(4, PhysGenModels.train(data, TinyModels.tiny(physgen.ldsmConfig(resumed.toString())).steps(4)
			.checkpointEvery(2).resume(true), TrainingListener.NONE).steps());
		assertArrayEquals(ModelBundle.read(straight).weights(), ModelBundle.read(resumed).weights());
		final IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> PhysGenModels.train(
			data, TinyModels.tiny(physgen.ldsmConfig(resumed.toString())).sampler(SamplerKind.SDE).steps(6).resume(true),
			TrainingListener.NONE));
		assertTrue(other.getMessage().startsWith("sampler = sde differs"), other.getMessage());
	}
}
