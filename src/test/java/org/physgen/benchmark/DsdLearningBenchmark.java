package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.physgen.dsd.RateHead;
import org.physgen.dsd.TimeWeighting;
import org.physgen.metrics.SpecificSurface;
import org.physgen.metrics.TwoPointCorrelation;
import org.physgen.train.GenerationListener;
import org.physgen.train.GenerationRequest;
import org.physgen.train.GenerativeModel;
import org.physgen.train.PhysGenModels;
import org.physgen.train.TargetFractions;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;

/**
 * Does a DSD model learn? Prints Markdown tables of generated volumes' normalised two-point
 * correlation {@code (S2(2) − φ²)/(φ − φ²)} (axis mean), faces per voxel of the pore phase, the
 * repaired fraction and network evaluations, against the data's.
 * <p>
 * {@code over-fit STEPS [HEAD:WEIGHTING ...]}: a network of width 8 trained on one 16³ crop of
 * sample-data/porous-rock-64.tif (z from 5, y from 3, x from 7) without augmentation, batch 4,
 * learning rate 1e-3, one thread, for each rate head and time weighting given (default
 * {@code exp:uniform softplus:delta_t}), then four 16³ volumes with the crop's counts.
 * {@code model FILE...}: four 32³ volumes of each model file with its training-mean fractions,
 * against sample-data/porous-rock-64.tif.
 */
public final class DsdLearningBenchmark {

	private static final Path ROCK = Path.of("sample-data/porous-rock-64.tif");
	private static final int CROP = 16;
	private static final int VOLUMES = 4;

	private DsdLearningBenchmark() {}

	public static void main(final String[] args) throws IOException {
		if (args.length < 2) {
			throw new IllegalArgumentException("usage: over-fit STEPS [HEAD:WEIGHTING ...] | model FILE...");
		}
		final LabelVolume rock = VolumeReader.read(ROCK);
		if (args[0].equals("model")) {
			header("model file", "volumes", rock);
			for (int i = 1; i < args.length; i++) {
				try (GenerativeModel model = PhysGenModels.load(Path.of(args[i]), "cpu", 1)) {
					row(args[i], model, 32);
				}
			}
			return;
		}
		final long steps = Long.parseLong(args[1]);
		final List<String> configs = args.length > 2 ? List.of(args).subList(2, args.length)
			: List.of("exp:uniform", "softplus:delta_t");
		final LabelVolume crop = crop(rock);
		header("rate head : time weighting, " + steps + " steps (training minutes)", "16³ volumes", crop);
		final Path folder = Files.createTempDirectory("physgen-dsd-learning");
		for (final String config : configs) {
			final String[] parts = config.split(":");
			final Path file = folder.resolve(parts[0] + "-" + parts[1] + ".physgen");
			final long start = System.nanoTime();
			PhysGenModels.train(List.of(crop), TrainingConfig.dsd(file).cropSize(CROP).steps(steps)
				.batchSize(4).learningRate(1e-3).baseChannels(8).threads(1).seed(1).augment(false)
				.checkpointEvery((int) steps).rateHead(RateHead.parse(parts[0]))
				.timeWeighting(TimeWeighting.parse(parts[1])), TrainingListener.NONE);
			final double minutes = (System.nanoTime() - start) / 60e9;
			try (GenerativeModel model = PhysGenModels.load(file, "cpu", 1)) {
				row(String.format(Locale.ROOT, "%s (%.1f min)", config, minutes), model, CROP);
			}
		}
	}

	private static LabelVolume crop(final LabelVolume rock) {
		final byte[][] slices = new byte[CROP][CROP * CROP];
		for (int z = 0; z < CROP; z++) {
			for (int y = 0; y < CROP; y++) {
				System.arraycopy(rock.slice(z + 5), (y + 3) * rock.sizeX() + 7, slices[z], y * CROP, CROP);
			}
		}
		return LabelVolume.fromSlices(slices, CROP, CROP, rock.phases(), rock.voxelSize());
	}

	private static void header(final String what, final String volumes, final LabelVolume data) {
		System.out.printf(Locale.ROOT, "| %s | normalised S2(2) | faces per voxel | repaired fraction | " +
			"evaluations per volume |%n|---|---:|---:|---:|---:|%n| data (%s) | %.3f | %.3f | | |%n", what,
			data.sizeX() + "³", normalisedS2(data), SpecificSurface.of(data, 1).facesPerVoxel());
	}

	private static void row(final String label, final GenerativeModel model, final int size) {
		final List<String> log = new ArrayList<>();
		final long start = System.nanoTime();
		final List<LabelVolume> volumes = model.generate(new GenerationRequest(VOLUMES, size, size, size,
			TargetFractions.trainingMean(), 7, VOLUMES, GenerationRequest.DEFAULT_TOLERANCE,
			GenerationRequest.DEFAULT_STEPS), new GenerationListener() {

				@Override
				public void log(final String message) {
					log.add(message);
				}
			});
		final double seconds = (System.nanoTime() - start) / 1e9;
		double s2 = 0;
		double faces = 0;
		for (final LabelVolume v : volumes) {
			s2 += normalisedS2(v) / volumes.size();
			faces += SpecificSurface.of(v, 1).facesPerVoxel() / volumes.size();
		}
		double repaired = 0;
		String evaluations = "";
		for (final String line : log) {
			// "volume i: E network evaluations, repaired fraction F"
			final String[] words = line.split("[ ,:]+");
			evaluations = words[2];
			repaired += Double.parseDouble(words[words.length - 1]) / volumes.size();
		}
		System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.4f | %s (%.1f s for %d) |%n", label, s2, faces,
			repaired, evaluations, seconds, volumes.size());
	}

	/** {@code (S2(2) − φ²)/(φ − φ²)} of the pore phase (1), mean over the three axes. */
	private static double normalisedS2(final LabelVolume volume) {
		final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(volume, 1, 2);
		final double phi = s2.value(0, 0);
		double mean = 0;
		for (int axis = 0; axis < 3; axis++) mean += s2.value(axis, 2) / 3;
		return (mean - phi * phi) / (phi - phi * phi);
	}
}
