package org.physgen.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.physgen.nn.ModelFamily;
import org.physgen.train.GenerationListener;
import org.physgen.train.GenerationRequest;
import org.physgen.train.GenerativeModel;
import org.physgen.train.PhysGenModels;
import org.physgen.train.TargetFractions;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;
import org.physgen.volume.synth.SyntheticKind;
import org.physgen.volume.synth.SyntheticMicrostructures;
import org.physgen.volume.synth.SyntheticSpec;

/**
 * Training and generation with the default network (32·(1,2,2), two residual blocks per level) on
 * CPU, printed as a Markdown table. Training: steps/s over steps 3..8 of a run on a periodic
 * Gaussian-field rock (porosity 0.2), after two warm-up steps. Generation: one volume from the model
 * just trained (eight steps, so its rates are close to the initial r·ln 2 field: the DSD evaluation
 * count here is that of a nearly untrained network; trained models take more, see the sample models),
 * DSD at the default tolerance 0.1, PFGM++ at n = 18 (35 evaluations). Arguments: thread count (default:
 * all cores) and sizes (default 32 64).
 */
public final class ModelsBenchmark {

	private static final int WARMUP_STEPS = 2;
	private static final int MEASURED_STEPS = 6;

	private ModelsBenchmark() {}

	public static void main(final String[] args) throws IOException {
		final int threads = args.length > 0 ? Integer.parseInt(args[0])
			: Runtime.getRuntime().availableProcessors();
		final List<Integer> sizes = new ArrayList<>();
		for (int i = 1; i < args.length; i++) sizes.add(Integer.parseInt(args[i]));
		if (sizes.isEmpty()) sizes.addAll(List.of(32, 64));
		final Path folder = Files.createTempDirectory("physgen-benchmark");
		System.out.println("| family | size | batch | threads | training steps/s | s/step | " +
			"generation s (1 volume) | network evaluations | s/evaluation |");
		System.out.println("|---|---:|---:|---:|---:|---:|---:|---:|---:|");
		for (final ModelFamily family : ModelFamily.values()) {
			for (final int size : sizes) {
				final int batch = size <= 32 ? 4 : 1;
				final LabelVolume rock = SyntheticMicrostructures.generate(new SyntheticSpec(
					SyntheticKind.GAUSSIAN_FIELD, 2 * size, 2 * size, 2 * size, new double[] { 0.2 }, 4, 5, true,
					7, VoxelSize.DEFAULT));
				final Path file = folder.resolve(family.key() + "-" + size + ".physgen");
				final StepTimer timer = new StepTimer();
				PhysGenModels.train(List.of(rock), TrainingConfig.of(family, file).cropSize(size)
					.batchSize(batch).steps(WARMUP_STEPS + MEASURED_STEPS).threads(threads)
					.checkpointEvery(1000).seed(1), timer);
				final int[] evaluations = new int[1];
				final double seconds;
				try (GenerativeModel model = PhysGenModels.load(file, "cpu", threads)) {
					final long start = System.nanoTime();
					model.generate(GenerationRequest.cube(1, size, TargetFractions.explicit(0.2), 3),
						new GenerationListener() {

							@Override
							public void log(final String message) {
								evaluations[0] = Integer.parseInt(message.replaceAll(".*: (\\d+) network evaluations.*",
									"$1"));
							}
						});
					seconds = (System.nanoTime() - start) / 1e9;
				}
				System.out.printf(Locale.ROOT, "| %s | %d^3 | %d | %d | %.3f | %.2f | %.1f | %d | %.3f |%n",
					family == ModelFamily.DSD ? "DSD" : "PFGM++", size, batch, threads, timer.stepsPerSecond(),
					1 / timer.stepsPerSecond(), seconds, evaluations[0], seconds / evaluations[0]);
			}
		}
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

		double stepsPerSecond() {
			return (lastStep - WARMUP_STEPS) / ((last - warmEnd) / 1e9);
		}
	}
}
