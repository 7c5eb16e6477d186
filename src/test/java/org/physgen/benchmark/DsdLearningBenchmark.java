package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.physgen.PhysGenModels;
import org.physgen.dsd.AssignmentRateModel;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.DsdLoss;
import org.physgen.dsd.ExactRateModel;
import org.physgen.dsd.ForwardGap;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.NoisedBatch;
import org.physgen.dsd.OccupancyRepair;
import org.physgen.dsd.RateModel;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.SamplerStarts;
import org.physgen.dsd.TauLeapListener;
import org.physgen.dsd.TauLeapSampler;
import org.physgen.dsd.TimeWeighting;
import org.physgen.dsd.Tolerance;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.metrics.SpecificSurface;
import org.physgen.metrics.TwoPointCorrelation;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.model.VolumeReport;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.RateHead;
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
 * learning rate 2e-3, one thread, for each rate head and time weighting given (default
 * {@code softplus:delta_t exp:uniform exp:normalised}), then four 16³ volumes with the crop's
 * counts, and the model's loss over the forward rates' at τ = r·t of 0.1, 1, 4 and 16.
 * {@code model FILE...}: four 32³ volumes of each model file (of the sample rock, any family) with
 * its training-mean fractions, against sample-data/porous-rock-64.tif, and for DSD models the
 * model's loss over the forward rates' on a crop of the rock of the model's crop size. The fourth
 * column is the repaired fraction of DSD and the share of voxels the projection changed for the
 * other families.
 * {@code step-fraction FILE F...}: as {@code model}, for one model file at each DSD step fraction F
 * (generation's {@code step_fraction}; 0 is the plain CFL step).
 * {@code sharpening FILE G[:F]...}: as {@code model}, for one model file at each sharpening γ
 * (generation's {@code sharpening}; 1 is the model as trained), at step fraction F if given.
 * {@code oracle}: no network; the exact rates of the same crop, mean-field ({@code ExactRateModel})
 * and assignment-aware ({@code AssignmentRateModel}), from a uniform start, with the default step
 * control of generation and with the plain CFL step: evaluations, repaired fraction and the share of
 * the crop's pore voxels occupied after repair.
 */
public final class DsdLearningBenchmark {

	private static final Path ROCK = Path.of("sample-data/porous-rock-64.tif");
	private static final int CROP = 16;
	private static final int VOLUMES = 4;
	private static final double[] TAU = { 0.1, 1, 4, 16 };

	private DsdLearningBenchmark() {}

	public static void main(final String[] args) throws IOException {
		if (args.length < 1 || args.length < 2 && !args[0].equals("oracle")) {
			throw new IllegalArgumentException("usage: over-fit STEPS [HEAD:WEIGHTING ...] | model FILE... | " +
				"step-fraction FILE FRACTION... | sharpening FILE G[:F]... | oracle");
		}
		final LabelVolume rock = VolumeReader.read(ROCK);
		if (args[0].equals("oracle")) {
			oracles(crop(rock));
			return;
		}
		if (args[0].equals("step-fraction") || args[0].equals("sharpening")) {
			final boolean fraction = args[0].equals("step-fraction");
			header(fraction ? "step fraction" : "sharpening", "32³ volumes", rock);
			try (GenerativeModel model = PhysGenModels.load(Path.of(args[1]), "cpu", 1)) {
				for (int i = 2; i < args.length; i++) {
					final String[] values = args[i].split(":");
					final double value = Double.parseDouble(values[0]);
					final double stepFraction = values.length > 1 ? Double.parseDouble(values[1])
						: GenerationRequest.DEFAULT_STEP_FRACTION;
					row(args[i], model, 32, fraction ? value : stepFraction,
						fraction ? GenerationRequest.DEFAULT_SHARPENING : value);
				}
			}
			return;
		}
		if (args[0].equals("model")) {
			header("model file", "volumes", rock);
			final List<String> lossRatios = new ArrayList<>();
			for (int i = 1; i < args.length; i++) {
				try (GenerativeModel model = PhysGenModels.load(Path.of(args[i]), "cpu", 1)) {
					row(args[i], model, 32);
					if (model.family() == ModelFamily.DSD) {
						lossRatios.add(lossRatios(args[i], model, crop(rock, model.cropSize())));
					}
				}
			}
			printLossRatios("model file, on a crop of the rock of its crop size", lossRatios);
			return;
		}
		final long steps = Long.parseLong(args[1]);
		final List<String> configs = args.length > 2 ? List.of(args).subList(2, args.length)
			: List.of("softplus:delta_t", "exp:uniform", "exp:normalised");
		final LabelVolume crop = crop(rock);
		header("rate head : time weighting, " + steps + " steps (training minutes)", "16³ volumes", crop);
		final Path folder = Files.createTempDirectory("physgen-dsd-learning");
		final List<String> lossRatios = new ArrayList<>();
		for (final String config : configs) {
			final String[] parts = config.split(":");
			final Path file = folder.resolve(parts[0] + "-" + parts[1] + ".physgen");
			final long start = System.nanoTime();
			PhysGenModels.train(List.of(crop), TrainingConfig.dsd(file).cropSize(CROP).steps(steps)
				.batchSize(4).learningRate(2e-3).baseChannels(8).threads(1).seed(1).augment(false)
				.checkpointEvery((int) steps).rateHead(RateHead.parse(parts[0]))
				.timeWeighting(TimeWeighting.parse(parts[1])), TrainingListener.NONE);
			final double minutes = (System.nanoTime() - start) / 60e9;
			try (GenerativeModel model = PhysGenModels.load(file, "cpu", 1)) {
				row(String.format(Locale.ROOT, "%s (%.1f min)", config, minutes), model, CROP);
				lossRatios.add(lossRatios(config, model, crop));
			}
		}
		printLossRatios("rate head : time weighting", lossRatios);
	}

	private static void oracles(final LabelVolume crop) {
		final Grid grid = new Grid(CROP, CROP, CROP, Boundary.PERIODIC);
		final ChannelMap channels = new ChannelMap(2, 0);
		final double rate = TrainingConfig.defaultRate(CROP);
		final Schedule schedule = Schedule.defaultSchedule();
		final long pores = crop.phaseCounts()[1];
		System.out.printf("| exact rates of the 16³ crop (%d pore voxels), r = %s | step control | evaluations | " +
			"repaired fraction | pore voxels back | normalised S2(2) |%n|---|---|---:|---:|---:|---:|%n", pores, rate);
		final RateModel[] models = { new ExactRateModel(grid, channels, crop.slices(), rate, schedule),
			new AssignmentRateModel(grid, channels, crop.slices(), rate, schedule) };
		final String[] names = { "mean-field", "assignment-aware" };
		System.out.printf(Locale.ROOT, "| the crop itself | | | | | %.3f |%n", normalisedS2(crop));
		final Tolerance[] controls = { Tolerance.geometric(Tolerance.DEFAULT,
			GenerationRequest.DEFAULT_STEP_FRACTION, rate), Tolerance.constant(Tolerance.DEFAULT) };
		final String[] controlNames = { "default (tolerance 0.1, step fraction 0.05)", "plain CFL 0.1" };
		for (int m = 0; m < models.length; m++) {
			for (int c = 0; c < controls.length; c++) {
				final SampledCounts run = new TauLeapSampler(grid, 1, schedule, models[m]).sample(new int[][][] {
					SamplerStarts.uniform(grid, new long[] { pores }, null, 3) }, null, new SamplerSettings(
						controls[c], SamplerSettings.DEFAULT_MIN_STEP, 9), TauLeapListener.NONE, () -> false);
				final OccupancyRepair.Result repaired = OccupancyRepair.repair(grid, channels, run.counts()[0]);
				long back = 0;
				for (int z = 0; z < CROP; z++) {
					for (int i = 0; i < CROP * CROP; i++) {
						if (crop.slice(z)[i] == 1 && repaired.labels()[z][i] == 1) back++;
					}
				}
				System.out.printf(Locale.ROOT, "| %s | %s | %d | %.4f | %.4f | %.3f |%n", names[m], controlNames[c],
					run.evaluations(), repaired.repairedFraction(), back / (double) pores, normalisedS2(crop
						.withSlices(repaired.labels())));
			}
		}
		System.out.printf("%n| exact rates | their loss / forward rates' loss |%n|---|---|%n");
		final ForwardNoising noising = new ForwardNoising(grid, channels, rate, schedule);
		final byte[][][] crops = { crop.slices(), crop.slices(), crop.slices(), crop.slices() };
		for (int m = 0; m < models.length; m++) {
			final StringBuilder ratios = new StringBuilder();
			for (final double tau : TAU) {
				final int k = (int) Math.round(schedule.networkTimeOf(tau / rate) * (schedule.steps() - 1));
				final NoisedBatch noised = noising.noise(crops, new int[] { k, k, k, k }, 17);
				final float[] exact = new float[noised.shape().ratesLength()];
				models[m].rates(noised.shape(), noised.counts(), noised.networkTime(), exact);
				ratios.append(String.format(Locale.ROOT, " τ = %s: %.3f;", tau, DsdLoss.divergence(noised
					.shape(), exact, noised.counts(), noised.targets()) / ForwardGap.of(noised, rate)));
			}
			System.out.println("| " + names[m] + " |" + ratios + " |");
		}
	}

	private static void printLossRatios(final String what, final List<String> rows) {
		if (rows.isEmpty()) return;
		System.out.printf("%n| %s | model's loss / forward rates' loss |%n|---|---|%n", what);
		for (final String line : rows) System.out.println(line);
	}

	private static LabelVolume crop(final LabelVolume rock) {
		return crop(rock, CROP);
	}

	/** The cube of the given edge at (7, 3, 5) of the rock, moved in where it would stick out. */
	private static LabelVolume crop(final LabelVolume rock, final int size) {
		final int x0 = Math.min(7, rock.sizeX() - size);
		final int y0 = Math.min(3, rock.sizeY() - size);
		final int z0 = Math.min(5, rock.sizeZ() - size);
		final byte[][] slices = new byte[size][size * size];
		for (int z = 0; z < size; z++) {
			for (int y = 0; y < size; y++) {
				System.arraycopy(rock.slice(z + z0), (y + y0) * rock.sizeX() + x0, slices[z], y * size, size);
			}
		}
		return LabelVolume.fromSlices(slices, size, size, rock.phases(), rock.voxelSize());
	}

	/** A row of the model's loss over the forward rates' loss at each of {@link #TAU}. */
	private static String lossRatios(final String label, final GenerativeModel model, final LabelVolume crop) {
		final double[][] loss = PhysGenModels.dsdLossByTime(model, crop, TAU, 17);
		final StringBuilder ratios = new StringBuilder("| " + label + " |");
		for (int i = 0; i < TAU.length; i++) {
			ratios.append(String.format(Locale.ROOT, " τ = %s: %.3f;", TAU[i], loss[0][i] / loss[1][i]));
		}
		return ratios + " |";
	}

	private static void header(final String what, final String volumes, final LabelVolume data) {
		System.out.printf(Locale.ROOT, "| %s | normalised S2(2) | faces per voxel | repaired fraction | " +
			"evaluations per volume |%n|---|---:|---:|---:|---:|%n| data (%s) | %.3f | %.3f | | |%n", what,
			data.sizeX() + "³", normalisedS2(data), SpecificSurface.of(data, 1).facesPerVoxel());
	}

	private static void row(final String label, final GenerativeModel model, final int size) {
		row(label, model, size, GenerationRequest.DEFAULT_STEP_FRACTION, GenerationRequest.DEFAULT_SHARPENING);
	}

	private static void row(final String label, final GenerativeModel model, final int size,
		final double stepFraction, final double sharpening)
	{
		final List<VolumeReport> reports = new ArrayList<>();
		final long start = System.nanoTime();
		final List<LabelVolume> volumes = model.generate(new GenerationRequest(VOLUMES, size, size, size,
			TargetFractions.trainingMean(), 7, VOLUMES, Tolerance.DEFAULT,
			GenerationRequest.MODEL_SETTING, stepFraction, sharpening), new GenerationListener() {

				@Override
				public void volumeFinished(final VolumeReport report) {
					reports.add(report);
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
		for (final VolumeReport report : reports) {
			evaluations = Integer.toString(report.evaluations());
			repaired += report.correctedFraction() / volumes.size();
		}
		System.out.printf(Locale.ROOT, "| %s | %.3f | %.3f | %.4f | %s (%.1f s for %d) |%n", label, s2, faces,
			repaired, evaluations, seconds, volumes.size());
	}

	/** {@code (S2(2) − φ²)/(φ − φ²)} of the pore phase (1), mean over the three axes. */
	private static double normalisedS2(final LabelVolume volume) {
		return TwoPointCorrelation.directional(volume, 1, 2).normalised(2);
	}
}
