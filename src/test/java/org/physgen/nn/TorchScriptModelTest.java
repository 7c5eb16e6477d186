package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.Families;
import org.physgen.PhysGenModels;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.ScheduleKind;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

import ai.djl.Device;

/** A TorchScript network exported elsewhere, imported into a bundle, generates through the library. */
class TorchScriptModelTest {

	@TempDir
	Path dir;

	@Test
	void importedDsdNetworkGeneratesVolumesWithExactCounts() throws IOException {
		final Path pt = dir.resolve("exported.pt");
		TorchScriptFunctionTest.dsdFixture().write(pt);
		final Path bundle = dir.resolve("imported.physgen");
		TorchScriptImport.importFile(pt, ModelMetadata.builder(ModelFamily.DSD).phases(PhaseTable.named("pore", "solid"))
			.torchScript(Families.of(ModelFamily.DSD).io(PhaseTable.named("pore", "solid").phaseCount(), false, 2)).voxelSize(VoxelSize.isotropic(3, "µm")).cropSize(8)
			.boundary(Boundary.PERIODIC).process(new DsdProcess(16, ScheduleKind.BLACKOUT, 200, 0.1)).build(), bundle,
			Device.cpu());
		try (GenerativeModel model = PhysGenModels.load(bundle, "cpu", 1)) {
			final List<LabelVolume> volumes = model.generate(new GenerationRequest(1, 8, 8, 8,
				TargetFractions.explicit(0.3), 4, 1, 0.5, GenerationRequest.MODEL_SETTING),
				GenerationListener.NONE);
			assertArrayEquals(new long[] { 358, 154 }, volumes.get(0).phaseCounts());
			assertEquals(3, volumes.get(0).voxelSize().z());
			final IllegalArgumentException mean = assertThrows(IllegalArgumentException.class,
				() -> model.generate(GenerationRequest.cube(1, 8, TargetFractions.trainingMean(), 1),
					GenerationListener.NONE));
			assertTrue(mean.getMessage().startsWith("fractions"), mean.getMessage());
		}
	}
}
