package org.physgen.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CancellationException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.physgen.metrics.FidelityComparison;
import org.physgen.metrics.FidelityStatistics;
import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.FidelityRow;
import org.physgen.metrics.report.GridSize;
import org.physgen.metrics.report.Scalar;
import org.physgen.model.GenerationListener;
import org.physgen.model.GenerationRequest;
import org.physgen.model.GenerativeModel;
import org.physgen.PhysGenModels;
import org.physgen.model.TargetFractions;
import org.physgen.model.VolumeReport;
import org.physgen.train.TrainingListener;
import org.physgen.train.TrainingProgress;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.LabelVolume;

/**
 * Fidelity made visible during training: a training listener that passes everything on to another
 * and, at the first checkpoint at or after each multiple of {@code every} steps, generates one
 * {@code size}³ volume from the checkpoint (its averaged weights, the training-mean fractions) and
 * logs its SPEC §14 z-scores against up to {@value #REFERENCE_CUBES} disjoint sub-volumes of that size
 * of the training volume, as one line: "step N: one 32³ sample, K of M statistics within ...; z:
 * ...; sample: ..." (the volume's {@link VolumeReport#outcome()}: network evaluations, and the repaired or
 * projection-changed fraction). A sample that fails or is cancelled is logged and skipped; training goes on.
 */
public final class TrainingFidelity implements TrainingListener {

	/** The sample's edge when none is given: small enough to take seconds on a CPU. */
	public static final int DEFAULT_SIZE = 32;
	static final int REFERENCE_CUBES = 16;
	/** The line {@code train.TrainingRun} logs after each checkpoint. */
	private static final Pattern CHECKPOINT = Pattern.compile("checkpoint at step (\\d+) written to .*");

	private final TrainingListener inner;
	private final List<LabelVolume> cubes;
	private final Path modelFile;
	private final int every;
	private final int size;
	private final long seed;
	private final int threads;
	private List<List<Scalar>> reference;
	private long lastStep;

	/**
	 * @param volume the training volume
	 * @param modelFile the model being trained, whose checkpoints are sampled
	 * @param every steps between samples
	 * @param size edge of the sample and of the reference sub-volumes (a multiple of the network's)
	 * @throws IllegalArgumentException naming {@code fidelity_every} when it is below 1 or the volume
	 *           holds fewer than two disjoint sub-volumes of the size
	 */
	public TrainingFidelity(final TrainingListener inner, final LabelVolume volume, final Path modelFile,
		final int every, final int size, final long seed, final int threads)
	{
		if (every < 1) throw new IllegalArgumentException("fidelity_every must be at least 1, got " + every);
		final GridSize grid = new GridSize(size, size, size);
		final int fit = FidelityComparison.subVolumeCount(FidelityComparison.sizeOf(volume), grid);
		if (fit < FidelityComparison.MIN_REFERENCE_VOLUMES) {
			throw new IllegalArgumentException(String.format(Locale.ROOT, "fidelity_every = %d: the natural spread "
				+ "needs at least %d disjoint %d³ sub-volumes of the training volume (%d x %d x %d), it holds %d; set "
				+ "fidelity_every=0", every, FidelityComparison.MIN_REFERENCE_VOLUMES, size, volume.sizeX(), volume
					.sizeY(), volume.sizeZ(), fit));
		}
		this.inner = inner;
		cubes = HeldOutSplit.spread(FidelityComparison.subVolumes(volume, grid), REFERENCE_CUBES);
		this.modelFile = modelFile;
		this.every = every;
		this.size = size;
		this.seed = seed;
		this.threads = threads;
	}

	@Override
	public void progress(final TrainingProgress progress) {
		inner.progress(progress);
	}

	@Override
	public boolean cancelled() {
		return inner.cancelled();
	}

	@Override
	public void log(final String message) {
		inner.log(message);
		final Matcher m = CHECKPOINT.matcher(message);
		if (!m.matches()) return;
		final long step = Long.parseLong(m.group(1));
		if (step / every > lastStep / every) {
			lastStep = step;
			inner.log(sample(step));
		}
	}

	private String sample(final long step) {
		final String head = "step " + step + ": ";
		final StringBuilder sampleLog = new StringBuilder();
		try (GenerativeModel model = PhysGenModels.load(modelFile, "auto", threads)) {
			final LabelVolume volume = model.generate(GenerationRequest.cube(1, size, TargetFractions.trainingMean(),
				seed), new GenerationListener() {

					@Override
					public boolean cancelled() {
						return inner.cancelled();
					}

					@Override
					public void volumeFinished(final VolumeReport report) {
						sampleLog.append(report.outcome());
					}
				}).get(0);
			if (reference == null) {
				reference = new ArrayList<>();
				for (final LabelVolume cube : cubes) reference.add(FidelityStatistics.measure(cube, inner::cancelled));
			}
			final Fidelity fidelity = FidelityComparison.of(cubes.size() + " disjoint " + size + "³ sub-volumes of the "
				+ "training volume", new GridSize(size, size, size), reference, List.of(FidelityStatistics.measure(
					volume, inner::cancelled)));
			final StringBuilder line = new StringBuilder(head).append("one ").append(size).append("³ sample, ").append(
				fidelity.headline()).append("; z:");
			for (final FidelityRow row : fidelity.rows()) {
				final double z = row.z();
				line.append(' ').append(row.statistic()).append(' ').append(Double.isNaN(z) ? "n/a" : String.format(
					Locale.ROOT, "%+.1f", z)).append(',');
			}
			line.setLength(line.length() - 1);
			if (sampleLog.length() > 0) line.append("; sample: ").append(sampleLog);
			return line.toString();
		}
		catch (final CancellationException e) {
			return head + "fidelity sample skipped: training was cancelled";
		}
		catch (final IOException | RuntimeException e) {
			return head + "fidelity sample failed: " + FailureReasons.of(e);
		}
	}
}
