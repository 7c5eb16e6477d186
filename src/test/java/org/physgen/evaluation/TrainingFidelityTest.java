package org.physgen.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;

class TrainingFidelityTest {

	private static LabelVolume rock(final int size) {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, size, size, size,
			new double[] { 0.3 }, 2.0, 3.0, true, 11, VoxelSize.DEFAULT));
	}

	/** Checkpoints at steps 2, 4 and 6 of 7; a sample every 4 steps: at checkpoint 4 only (8 is not reached). */
	@Test
	void eachMultipleOfEveryLogsOneSampleAndItsZScores(@TempDir final Path folder) throws IOException {
		final LabelVolume volume = rock(16);
		final Path file = folder.resolve("rock.physgen");
		final List<String> log = new ArrayList<>();
		final TrainingListener listener = new TrainingFidelity(new TrainingListener() {

			@Override
			public void log(final String message) {
				log.add(message);
			}
		}, volume, file, 4, 8, 3, 1);
		PhysGenModels.train(List.of(volume), TrainingConfig.pfgm(file).cropSize(8).steps(7).batchSize(1)
			.baseChannels(4).checkpointEvery(2).threads(1).seed(2), listener);
		final List<String> samples = log.stream().filter(line -> line.contains("sample")).toList();
		assertEquals(1, samples.size(), log::toString);
		assertTrue(samples.get(0).startsWith("step 4: one 8³ sample, "), samples::toString);
		assertTrue(samples.get(0).contains(" of 12 statistics within natural variability (|z| <= 2) of 8 disjoint 8³ "
			+ "sub-volumes of the training volume; z: volume fraction [pore] "), samples::toString);
		assertTrue(samples.get(0).matches(".*, tortuosity factor \\[pore\\] (n/a|[+-]\\d+\\.\\d); sample: 35 network "
			+ "evaluations, projection changed 0\\.\\d{4} of the voxels"), samples::toString);
		assertEquals(log.indexOf("checkpoint at step 4 written to " + file) + 1, log.indexOf(samples.get(0)),
			log::toString);
	}

	@Test
	void aVolumeWithoutTwoSubVolumesOfTheSampleSizeIsRefusedNamingTheKey(@TempDir final Path folder) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new TrainingFidelity(
			TrainingListener.NONE, rock(16), folder.resolve("m.physgen"), 100, 16, 1, 1));
		assertTrue(e.getMessage().startsWith("fidelity_every = 100: the natural spread needs at least 2 disjoint 16³ "
			+ "sub-volumes of the training volume (16 x 16 x 16), it holds 1"), e.getMessage());
		assertEquals("fidelity_every must be at least 1, got 0", assertThrows(IllegalArgumentException.class,
			() -> new TrainingFidelity(TrainingListener.NONE, rock(16), folder.resolve("m.physgen"), 0, 8, 1, 1))
			.getMessage());
	}
}
