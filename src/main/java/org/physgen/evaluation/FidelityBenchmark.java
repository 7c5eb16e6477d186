package org.physgen.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.physgen.metrics.FidelityComparison;
import org.physgen.metrics.FidelityStatistics;
import org.physgen.metrics.GaussianFieldFit;
import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.GridSize;
import org.physgen.metrics.report.ReportWriter;
import org.physgen.metrics.report.Scalar;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.volume.AtomicFiles;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.OutputFiles;
import org.physgen.volume.PhaseTable;
import org.physgen.random.RandomStreams;
import org.physgen.volume.VolumeFiles;
import org.physgen.volume.VolumeReader;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;

/**
 * The held-out fidelity benchmark of SPEC §14 on one real volume: split it ({@link HeldOutSplit}),
 * then compare against the held-out cubes, statistic by statistic, (a) cubes of the training block
 * (real vs real, the floor), (b) thresholded Gaussian fields with the correlation length fitted to
 * the training block's S2 and its fractions, and (c) each chosen learned family trained on the
 * training block only, within the step and time budget, generating cubes with the training-mean
 * fractions. Writes into the output folder, each file atomically: {@code fidelity.md} (the table:
 * statistics as rows, z per method as columns, matched counts and costs), {@code slices.png}
 * (middle z-slices, held-out cubes first, one row per method), and per method
 * {@code KEY/fidelity.csv}; the trained models go to {@code KEY/model.physgen} with their loss
 * curves.
 */
public final class FidelityBenchmark {

	public static final String TABLE = "fidelity.md";
	public static final String PICTURE = "slices.png";
	public static final String CSV = "fidelity.csv";
	private static final long FIELD_KEY = 0x4746494CL;

	private FidelityBenchmark() {}

	/**
	 * @param table the Markdown table
	 * @param picture the PNG of middle slices
	 * @param split the training block and held-out cubes
	 * @param methods real vs real, Gaussian field, then the learned families in the settings' order
	 */
	public record Result(Path table, Path picture, HeldOutSplit split, List<MethodResult> methods) {}

	/**
	 * Runs the benchmark (minutes to hours: the training budget per family dominates).
	 *
	 * @param log progress lines
	 * @throws IllegalArgumentException naming the parameter before any training, for bad settings,
	 *           an unreadable volume, a pore grey value it does not hold, or a volume too small for
	 *           the split
	 * @throws IOException when an output cannot be written
	 */
	public static Result run(final BenchmarkSettings settings, final Consumer<String> log) throws IOException {
		settings.validate();
		OutputFiles.requireWritableFolder("output_dir", settings.output());
		final String name = VolumeFiles.baseName(settings.volume());
		final LabelVolume volume = withPore(read(settings.volume()), settings.poreGreyValue());
		final int size = settings.size();
		final HeldOutSplit split = HeldOutSplit.of(volume, size, settings.heldOut(), settings.cropSize());
		log.accept("split: " + split.describe());
		final String reference = split.heldOut().size() + " disjoint " + size + "³ cubes held out from " + name;
		final List<List<Scalar>> heldOut = measure(split.heldOut());
		final List<MethodResult> methods = new ArrayList<>();
		final List<LabelVolume> real = split.trainingCubes(size, settings.heldOut());
		methods.add(measured(new MethodResult("real vs real", "real", null, real, Double.NaN, Double.NaN, Double.NaN,
			Double.NaN, Double.NaN, Double.NaN, real.size() + " disjoint cubes of the training block"), heldOut,
			reference, size, log));
		methods.add(measured(gaussianField(split.training(), settings, name, log), heldOut, reference, size, log));
		for (final ModelFamily family : settings.families()) {
			methods.add(measured(learned(family, split.training(), settings, name, log), heldOut, reference, size,
				log));
		}
		for (final MethodResult m : methods) {
			AtomicFiles.writeString(settings.output().resolve(m.key()).resolve(CSV), ReportWriter.fidelityCsv(m
				.fidelity()));
		}
		final Path table = settings.output().resolve(TABLE);
		AtomicFiles.writeString(table, "# Fidelity of " + name + "\n\nSettings: " + settings.describe() + "\n\nSplit: "
			+ split.describe() + ".\n\n" + FidelityTable.markdown(methods, reference));
		final List<String> rowNames = new ArrayList<>(List.of("held-out"));
		final List<List<LabelVolume>> rows = new ArrayList<>(List.of(split.heldOut()));
		for (final MethodResult m : methods) {
			rowNames.add(m.name());
			rows.add(m.volumes());
		}
		final Path picture = settings.output().resolve(PICTURE);
		AtomicFiles.write(picture, SlicePicture.png(rowNames, rows));
		log.accept("wrote " + table + " and " + picture);
		return new Result(table, picture, split, methods);
	}

	private static MethodResult measured(final MethodResult method, final List<List<Scalar>> heldOut,
		final String reference, final int size, final Consumer<String> log)
	{
		final Fidelity fidelity = FidelityComparison.of(reference, new GridSize(size, size, size), heldOut, measure(
			method.volumes()));
		log.accept(method.name() + ": " + fidelity.headline());
		return method.withFidelity(fidelity);
	}

	private static MethodResult gaussianField(final LabelVolume block, final BenchmarkSettings settings,
		final String name, final Consumer<String> log)
	{
		final long start = System.nanoTime();
		final int size = settings.size();
		final GaussianFieldFit fit = GaussianFieldFit.fit("the training block of " + name, block, size, size, size,
			false, null);
		final List<LabelVolume> volumes = new ArrayList<>();
		for (int i = 0; i < settings.heldOut(); i++) {
			final LabelVolume field = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD,
				size, size, size, fit.fractions(), fit.correlationLength(), Double.NaN, false, RandomStreams.derive(
					settings.seed(), FIELD_KEY + i), block.voxelSize()));
			volumes.add(LabelVolume.fromSlices(field.slices(), size, size, block.phases(), block.voxelSize()));
		}
		final String note = String.format(Locale.ROOT, "thresholded Gaussian field, correlation length %.3f voxels "
			+ "fitted to the training block's S2 up to r = %d (rms misfit %.3g), the block's fractions", fit
				.correlationLength(), fit.rMax(), fit.residual());
		log.accept("Gaussian field: " + note);
		return new MethodResult("Gaussian field", "gaussian-field", null, volumes, Double.NaN, Double.NaN, (System
			.nanoTime() - start) / 60e9, Double.NaN, Double.NaN, Double.NaN, note);
	}

	private static MethodResult learned(final ModelFamily family, final LabelVolume block,
		final BenchmarkSettings settings, final String name, final Consumer<String> log) throws IOException
	{
		final Path modelFile = settings.output().resolve(family.key()).resolve("model.physgen");
		final ModelRuns.Trained trained = ModelRuns.train(family, block, settings, modelFile, name + " training block",
			log);
		log.accept(String.format(Locale.ROOT, "%s: trained %d steps in %.1f min, final loss %.4g", family.key(),
			trained.steps(), trained.minutes(), trained.finalLoss()));
		final ModelRuns.Generated generated = ModelRuns.generate(modelFile, settings, log);
		final double corrected = generated.correctedFraction();
		final boolean dsd = generated.repaired();
		final String note = String.format(Locale.ROOT, "trained %d steps (%.1f min, final loss %.4g) on the training "
			+ "block only (%s/%s), training-mean fractions", trained.steps(), trained.minutes(), trained.finalLoss(),
			family.key(), modelFile.getFileName());
		return new MethodResult(family.displayName(), family.key(), null, generated.volumes(),
			trained.steps(), trained.minutes(), generated.minutes(), generated.evaluationsPerVolume(),
			dsd ? corrected : Double.NaN, dsd ? Double.NaN : corrected, note);
	}

	private static List<List<Scalar>> measure(final List<LabelVolume> volumes) {
		final List<List<Scalar>> measured = new ArrayList<>();
		for (final LabelVolume v : volumes) measured.add(FidelityStatistics.measure(v, () -> false));
		return measured;
	}

	private static LabelVolume read(final Path file) {
		try {
			return VolumeReader.read(file);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("volume '" + file + "' could not be read: " + FailureReasons.of(e), e);
		}
	}

	/** The volume with the phase of the given grey value named "pore"; unchanged for -1. */
	static LabelVolume withPore(final LabelVolume volume, final int greyValue) {
		if (greyValue < 0) return volume;
		final PhaseTable phases = volume.phases();
		final int pore = phases.phaseOf(greyValue);
		if (pore < 0) {
			throw new IllegalArgumentException("pore must be one of the volume's grey values, got " + greyValue
				+ "; the volume holds " + phases);
		}
		final String[] names = new String[phases.phaseCount()];
		for (int p = 0; p < names.length; p++) {
			final boolean namedPore = phases.name(p).equalsIgnoreCase("pore");
			names[p] = p == pore ? "pore" : namedPore ? "value " + phases.greyValue(p) : phases.name(p);
		}
		return LabelVolume.fromSlices(volume.slices(), volume.sizeX(), volume.sizeY(), phases.withNames(names), volume
			.voxelSize());
	}
}
