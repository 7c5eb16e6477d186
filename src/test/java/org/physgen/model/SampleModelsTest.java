package org.physgen.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physgen.PhysGenModels;
import org.physgen.metrics.SpecificSurface;
import org.physgen.metrics.TwoPointCorrelation;
import org.physgen.nn.ModelBundle;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VolumeReader;

/** The pretrained models in sample-data/models load, are small, and generate exact counts. */
class SampleModelsTest {

	private static final Path MODELS = Path.of("sample-data", "models");

	@Test
	void dsdModelGeneratesExactPorosity() throws IOException {
		generatesExactPorosity("porous-rock-dsd.physgen");
	}

	@Test
	void pfgmModelGeneratesExactPorosity() throws IOException {
		generatesExactPorosity("porous-rock-pfgmpp.physgen");
	}

	/**
	 * Two 16³ volumes at the training porosity: the rock's normalised S2(2) is 0.66 and its pore
	 * faces per voxel 0.16; with the default sharpening the model comes near both (0.66 and 0.16 for
	 * seed 1) and ends with at most one particle per voxel by itself (0.1 % repaired, the bound
	 * is 2 %); as trained (γ = 1) it does not come near (0.31 and 0.44).
	 */
	@Test
	void dsdModelWithTheDefaultSharpeningIsAsCorrelatedAsTheRock() throws IOException {
		try (GenerativeModel model = PhysGenModels.load(MODELS.resolve("porous-rock-dsd.physgen"), "cpu", 0)) {
			final double[] sharpened = statistics(model, GenerationRequest.DEFAULT_SHARPENING);
			final double[] asTrained = statistics(model, 1);
			assertTrue(sharpened[0] > 0.55 && sharpened[1] < 0.21 && sharpened[2] < 0.02, "sharpened: " +
				"normalised S2(2) " + sharpened[0] + ", faces per voxel " + sharpened[1] + ", repaired fraction " +
				sharpened[2]);
			assertTrue(asTrained[0] < 0.4 && asTrained[1] > 0.3, "as trained: normalised S2(2) " + asTrained[0] +
				", faces per voxel " + asTrained[1]);
		}
	}

	/**
	 * PFGM (D = 1) trained for 4,000 steps: two 16³ volumes come near the rock's S2(2) of 0.66 and 0.16
	 * pore faces per voxel (0.613 and 0.183 for seed 1, 0.4 % of the voxels changed by the projection);
	 * the earlier sample model (D = 128, 800 steps) fails all three bounds (0.581, 0.204 and 1.9 %).
	 */
	@Test
	void pfgmModelIsNearlyAsCorrelatedAsTheRock() throws IOException {
		try (GenerativeModel model = PhysGenModels.load(MODELS.resolve("porous-rock-pfgmpp.physgen"), "cpu", 0)) {
			final double[] statistics = statistics(model, GenerationRequest.DEFAULT_SHARPENING);
			assertTrue(statistics[0] > 0.59 && statistics[1] < 0.195 && statistics[2] < 0.01, "normalised S2(2) " +
				statistics[0] + ", faces per voxel " + statistics[1] + ", projection-changed fraction " + statistics[2]);
		}
	}

	/**
	 * Mean normalised S2(2) of the pore phase, pore faces per voxel and repaired (DSD) or
	 * projection-changed (PFGM++) fraction of two 16³ volumes.
	 */
	private static double[] statistics(final GenerativeModel model, final double sharpening) {
		final double[] statistics = new double[3];
		final List<LabelVolume> volumes = model.generate(new GenerationRequest(2, 16, 16, 16,
			TargetFractions.trainingMean(), 1, 2, GenerationRequest.MODEL_SETTING, GenerationRequest.MODEL_SETTING,
			GenerationRequest.DEFAULT_STEP_FRACTION, sharpening), new GenerationListener() {

				@Override
				public void volumeFinished(final VolumeReport report) {
					statistics[2] += report.correctedFraction() / 2;
				}
			});
		for (final LabelVolume v : volumes) {
			statistics[0] += TwoPointCorrelation.directional(v, 1, 2).normalised(2) / volumes.size();
			statistics[1] += SpecificSurface.of(v, 1).facesPerVoxel() / volumes.size();
		}
		return statistics;
	}

	private static void generatesExactPorosity(final String name) throws IOException {
		final Path file = MODELS.resolve(name);
		assertTrue(Files.size(file) < 10_000_000, name + " is " + Files.size(file) + " bytes");
		final ModelBundle bundle = ModelBundle.read(file);
		assertEquals(name.contains("dsd") ? 12000 : 4000, bundle.metadata().trainingSteps());
		final PhaseTable rockPhases = VolumeReader.read(Path.of("sample-data", "porous-rock-64.tif"))
			.phases();
		bundle.metadata().requireSamePhases(rockPhases);
		try (GenerativeModel model = PhysGenModels.load(file, "cpu", 0)) {
			assertEquals(0.2, model.trainingFractions()[0], 0.05);
			final List<LabelVolume> volumes = model.generate(new GenerationRequest(1, 16, 16, 16,
				TargetFractions.explicit(0.25), 1, 1, 0.1, 8), GenerationListener.NONE);
			assertArrayEquals(new long[] { 3072, 1024 }, volumes.get(0).phaseCounts());
		}
	}
}
