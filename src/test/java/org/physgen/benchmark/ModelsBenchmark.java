package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.physgen.PhysGenModels;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.model.TargetFractions;
import org.physgen.model.VolumeReport;
import org.physgen.nn.BlockNetworkFunction;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.NetworkConfig;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;

import ai.djl.Device;

/**
 * Training and generation on the CPU, printed as two Markdown tables. First, the default network
 * (32·(1,2,2), two residual blocks per level, 4.0 M parameters) of each family: seconds per training
 * step over steps 2..4 of a run on sample-data/porous-rock-64.tif (batch 4 at 32³, batch 1 at 64³)
 * and seconds per forward pass at batch 1. Second, full generation of one volume with the
 * pretrained models of sample-data/models at their defaults (DSD tolerance 0.1 and step fraction 0.05;
 * PFGM++ n = 18): network evaluations and wall time. Arguments: thread count (default: all cores)
 * and sizes (default 32 64); a first argument {@code network} leaves out the sample models.
 */
public final class ModelsBenchmark {

	private static final int WARMUP_STEPS = 1;
	private static final int MEASURED_STEPS = 3;
	private static final int FORWARD_ROUNDS = 3;

	private ModelsBenchmark() {}

	public static void main(final String[] arguments) throws IOException {
		final boolean networkOnly = arguments.length > 0 && arguments[0].equals("network");
		final String[] args = networkOnly ? java.util.Arrays.copyOfRange(arguments, 1, arguments.length) : arguments;
		final int threads = args.length > 0 ? Integer.parseInt(args[0])
			: Runtime.getRuntime().availableProcessors();
		final int[] sizes = args.length > 1 ? java.util.Arrays.stream(args).skip(1)
			.mapToInt(Integer::parseInt).toArray() : new int[] { 32, 64 };
		DjlRuntime.start(threads, line -> {});
		final LabelVolume rock = VolumeReader.read(Path.of("sample-data", "porous-rock-64.tif"));
		final Path folder = Files.createTempDirectory("physgen-benchmark");
		System.out.println("Default network, " + threads + " threads:");
		System.out.println();
		System.out.println("| family | size | training batch | s/step | steps/s | forward s (batch 1) |");
		System.out.println("|---|---:|---:|---:|---:|---:|");
		for (final ModelFamily family : ModelFamily.values()) {
			for (final int size : sizes) {
				final int batch = size <= 32 ? 4 : 1;
				final Path file = folder.resolve(family.key() + "-" + size + ".physgen");
				final StepTimer timer = new StepTimer();
				PhysGenModels.train(List.of(rock), TrainingConfig.of(family, file).cropSize(size)
					.batchSize(batch).steps(WARMUP_STEPS + MEASURED_STEPS).threads(threads).checkpointEvery(1000)
					.seed(1), timer);
				final double forward = forwardSeconds(file, size);
				System.out.printf(Locale.ROOT, "| %s | %d^3 | %d | %.2f | %.3f | %.2f |%n", name(family), size,
					batch, timer.secondsPerStep(), 1 / timer.secondsPerStep(), forward);
			}
		}
		if (networkOnly) return;
		System.out.println();
		System.out.println("Sample models (base width 8), one volume, batch 1, " + threads + " threads:");
		System.out.println();
		System.out.println("| model | size | network evaluations | generation s | s/evaluation |");
		System.out.println("|---|---:|---:|---:|---:|");
		for (final String model : List.of("porous-rock-dsd.physgen", "porous-rock-pfgmpp.physgen")) {
			for (final int size : sizes) {
				final int[] evaluations = new int[1];
				final long start = System.nanoTime();
				try (GenerativeModel m = PhysGenModels.load(Path.of("sample-data", "models", model), "cpu",
					threads))
				{
					m.generate(GenerationRequest.cube(1, size, TargetFractions.explicit(0.2), 1),
						new GenerationListener() {

							@Override
							public void volumeFinished(final VolumeReport report) {
								evaluations[0] = report.evaluations();
							}
						});
				}
				final double seconds = (System.nanoTime() - start) / 1e9;
				System.out.printf(Locale.ROOT, "| %s | %d^3 | %d | %.1f | %.3f |%n", model, size,
					evaluations[0], seconds, seconds / evaluations[0]);
			}
		}
	}

	private static double forwardSeconds(final Path file, final int size) throws IOException {
		final ModelBundle bundle = ModelBundle.read(file);
		final NetworkConfig config = bundle.metadata().network();
		try (BlockNetworkFunction network = BlockNetworkFunction.load(config, bundle.weights(),
			Device.cpu()))
		{
			final int voxels = size * size * size;
			final float[] input = new float[config.inputChannels() * voxels];
			final float[] output = new float[config.outputChannels() * voxels];
			final float[] condition = config.conditionDim() == 0 ? null : new float[config.conditionDim()];
			network.evaluate(1, size, size, size, input, new float[] { 0.5f }, condition, output);
			final long start = System.nanoTime();
			for (int i = 0; i < FORWARD_ROUNDS; i++) {
				network.evaluate(1, size, size, size, input, new float[] { 0.5f }, condition, output);
			}
			return (System.nanoTime() - start) / 1e9 / FORWARD_ROUNDS;
		}
	}

	private static String name(final ModelFamily family) {
		return family == ModelFamily.DSD ? "DSD" : "PFGM++";
	}

	/** Times the steps after the warm-up. */
	private static final class StepTimer implements TrainingListener {

		private long warmEnd;
		private long lastStep;
		private long last;

		@Override
		public void progress(final TrainingProgress progress) {
			final long now = System.nanoTime();
			if (progress.step() == WARMUP_STEPS) warmEnd = now;
			lastStep = progress.step();
			last = now;
		}

		double secondsPerStep() {
			return (last - warmEnd) / 1e9 / (lastStep - WARMUP_STEPS);
		}
	}
}
