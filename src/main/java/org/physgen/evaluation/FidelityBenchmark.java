package org.physgen.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.physgen.metrics.report.ReportWriter;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.volume.AtomicFiles;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.OutputFiles;

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
 * curves. With a model file in the settings, that model is compared instead of training any.
 */
public final class FidelityBenchmark {

	public static final String TABLE = "fidelity.md";
	public static final String PICTURE = "slices.png";
	public static final String CSV = "fidelity.csv";

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
		final HeldOutReference reference = HeldOutReference.of(settings, log);
		final HeldOutSplit split = reference.split();
		final List<MethodResult> methods = new ArrayList<>(reference.baselines(settings, log));
		for (final ModelFamily family : settings.families()) {
			methods.add(reference.measured(learned(family, split.training(), settings, reference.name(), log), log));
		}
		if (settings.modelFile() != null) methods.add(reference.measured(given(settings, log), log));
		for (final MethodResult m : methods) {
			AtomicFiles.writeString(settings.output().resolve(m.key()).resolve(CSV), ReportWriter.fidelityCsv(m
				.fidelity()));
		}
		final Path table = settings.output().resolve(TABLE);
		AtomicFiles.writeString(table, "# Fidelity of " + reference.name() + "\n\nSettings: " + settings.describe()
			+ "\n\nSplit: " + split.describe() + ".\n\n" + FidelityTable.markdown(methods, reference.description()));
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

	private static MethodResult learned(final ModelFamily family, final LabelVolume block,
		final BenchmarkSettings settings, final String name, final Consumer<String> log) throws IOException
	{
		final Path modelFile = settings.output().resolve(family.key()).resolve("model.physgen");
		final ModelRuns.Trained trained = ModelRuns.train(family.key(), block, settings.training(family, modelFile)
			.dataName(name + " training block"), settings.minutes(), log);
		log.accept(String.format(Locale.ROOT, "%s: trained %d steps in %.1f min, final loss %.4g", family.key(),
			trained.steps(), trained.minutes(), trained.finalLoss()));
		final ModelRuns.Generated generated = ModelRuns.generate(modelFile, settings, log);
		final String note = String.format(Locale.ROOT, "trained %d steps (%.1f min, final loss %.4g) on the training "
			+ "block only (%s/%s), training-mean fractions", trained.steps(), trained.minutes(), trained.finalLoss(),
			family.key(), modelFile.getFileName());
		return ModelRuns.result(family.displayName(), family.key(), trained, generated, note);
	}

	/** The volumes of the settings' model file; its training cost is the file's steps, its minutes unknown. */
	private static MethodResult given(final BenchmarkSettings settings, final Consumer<String> log) throws IOException {
		final Path modelFile = settings.modelFile();
		final ModelMetadata metadata = ModelBundle.read(modelFile).metadata();
		final ModelRuns.Generated generated = ModelRuns.generate(modelFile, settings, log);
		final ModelRuns.Trained trained = new ModelRuns.Trained(modelFile, metadata.trainingSteps(), Double.NaN,
			metadata.finalLoss(), Double.NaN);
		final String note = String.format(Locale.ROOT, "the given model %s (%d steps, final loss %.4g), "
			+ "training-mean fractions", modelFile.getFileName(), metadata.trainingSteps(), metadata.finalLoss());
		final ModelFamily family = metadata.family();
		return ModelRuns.result(family.displayName(), family.key(), trained, generated, note);
	}
}
