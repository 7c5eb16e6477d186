package org.physgen.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.PhysGenModels;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Grid;
import org.physgen.dsd.OccupancyRepair;
import org.physgen.dsd.SamplerStarts;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.metrics.TwoPointCorrelation;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;

/**
 * A DSD model over-fitted to one structured crop (16³ of the sample rock, no augmentation, 600
 * steps) has learned its reverse process: its loss beats the forward rates where the structure
 * forms, and its volumes carry the crop's two-point correlation, which random placement with the
 * same counts does not (SPEC 4.3, 4.4).
 */
class DsdLearnsTest {

	private static final int SIZE = 16;
	private static final long STEPS = 600;

	@TempDir
	static Path folder;

	private static LabelVolume crop;
	private static Path modelFile;
	private static final List<Double> validation = new ArrayList<>();

	@BeforeAll
	static void train() throws IOException {
		final LabelVolume rock = VolumeReader.read(Path.of("sample-data/porous-rock-64.tif"));
		final byte[][] slices = new byte[SIZE][SIZE * SIZE];
		for (int z = 0; z < SIZE; z++) {
			for (int y = 0; y < SIZE; y++) {
				System.arraycopy(rock.slice(z + 5), (y + 3) * rock.sizeX() + 7, slices[z], y * SIZE, SIZE);
			}
		}
		crop = LabelVolume.fromSlices(slices, SIZE, SIZE, rock.phases(), rock.voxelSize());
		modelFile = folder.resolve("crop.physgen");
		PhysGenModels.train(List.of(crop), TrainingConfig.dsd(modelFile).cropSize(SIZE).steps(STEPS)
			.batchSize(4).learningRate(2e-3).baseChannels(8).threads(1).seed(1).augment(false)
			.checkpointEvery((int) STEPS), new TrainingListener() {

				@Override
				public void log(final String message) {
					final Matcher m = Pattern.compile("step \\d+: validation loss (\\S+)").matcher(message);
					if (m.matches()) validation.add(Double.parseDouble(m.group(1)));
				}
			});
	}

	/**
	 * Every 100 steps, the validation loss on fixed crops of the crop (too small to hold a slab out),
	 * relative to the forward rates: it starts near 1 and falls as the model learns.
	 */
	@Test
	void theValidationLossFallsBelowTheForwardRates() {
		assertEquals(6, validation.size(), validation::toString);
		final double last = validation.get(validation.size() - 1);
		assertTrue(last < 0.95 && last < validation.get(0), validation::toString);
	}

	@Test
	void generatedVolumesCarryTheCropsTwoPointCorrelationAndRandomPlacementDoesNot() throws IOException {
		final double target = normalisedS2(crop);
		final long pores = crop.phaseCounts()[1];
		final Grid grid = new Grid(SIZE, SIZE, SIZE, Boundary.PERIODIC);
		final int[][] random = SamplerStarts.uniform(grid, new long[] { pores }, null, 5);
		final LabelVolume placed = crop.withSlices(OccupancyRepair.repair(grid, new ChannelMap(2, 0),
			random).labels());
		assertTrue(Math.abs(normalisedS2(placed)) < 0.05, "random placement: " + normalisedS2(placed));
		try (GenerativeModel model = PhysGenModels.load(modelFile, "cpu", 1)) {
			final List<LabelVolume> volumes = model.generate(new GenerationRequest(4, SIZE, SIZE, SIZE,
				TargetFractions.trainingMean(), 5, 4, Tolerance.DEFAULT,
				GenerationRequest.MODEL_SETTING), GenerationListener.NONE);
			double mean = 0;
			for (final LabelVolume v : volumes) {
				assertEquals(pores, v.phaseCounts()[1]);
				mean += normalisedS2(v) / volumes.size();
			}
			assertTrue(mean >= 0.2 * target, "normalised S2(2) of generated volumes " + mean +
				" against the crop's " + target);
		}
	}

	@Test
	void lossBeatsTheForwardRatesWhereTheStructureForms() throws IOException {
		// τ = r·t from 0.5 to 4: the pores condense out of the mixed state
		final double[] tau = { 0.5, 1, 2, 4 };
		try (GenerativeModel model = PhysGenModels.load(modelFile, "cpu", 1)) {
			final double[][] loss = PhysGenModels.dsdLossByTime(model, crop, tau, 17);
			for (int i = 0; i < tau.length; i++) {
				assertTrue(loss[0][i] < 0.9 * loss[1][i], "at τ = " + tau[i] + " the model's loss " +
					loss[0][i] + " against the forward rates' " + loss[1][i]);
			}
		}
	}

	/** {@code (S2(2) − φ²)/(φ − φ²)} of phase 1, mean over the three axes. */
	private static double normalisedS2(final LabelVolume volume) {
		return TwoPointCorrelation.directional(volume, 1, 2).normalised(2);
	}
}
