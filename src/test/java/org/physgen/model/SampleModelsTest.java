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

	private static void generatesExactPorosity(final String name) throws IOException {
		final Path file = MODELS.resolve(name);
		assertTrue(Files.size(file) < 10_000_000, name + " is " + Files.size(file) + " bytes");
		final ModelBundle bundle = ModelBundle.read(file);
		assertEquals(name.contains("dsd") ? 12000 : 800, bundle.metadata().trainingSteps());
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
