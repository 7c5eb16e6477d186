package org.physgen.evaluation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import org.physgen.metrics.report.Curve;
import org.physgen.metrics.report.LinePlot;
import org.physgen.metrics.report.ReportWriter;
import org.physgen.nn.PfgmProcess;
import org.physgen.pfgm.SigmaGrid;
import org.physgen.volume.AtomicFiles;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.OutputFiles;

/**
 * The D sweep of SPEC §5 on one real volume: the same network with the same budget and seed is
 * trained as PFGM++ at each augmented dimension D on the training block of the fidelity
 * benchmark's split ({@link HeldOutReference}), and each model's volumes are compared with the
 * held-out cubes (SPEC §14) at the default sampler (n = {@value SigmaGrid.DEFAULT_STEPS}, no
 * injected error), at each sampler step count n, and at each injected network error ε
 * ({@code pfgm.InjectedError}, at the default n). The seeds claim small D is more robust to step
 * size and network error, large D easier to train; the sweep measures both on volumes.
 *
 * <p>Writes into the output folder, each file atomically: {@value #SUMMARY} (rows D: matched
 * statistics at each n and each ε, training minutes and steps, the median loss of the last
 * steps), {@value FidelityBenchmark#TABLE} (the §14 table at the default sampler, one column per D
 * after the two baselines), {@value FidelityBenchmark#PICTURE}, {@value #STEPS_CSV} and
 * {@value #STEPS_PLOT} (matched statistics against n, one line per D), {@value #ERROR_CSV} and
 * {@value #ERROR_PLOT} (against ε); per D a folder {@code D-<D>} with {@code fidelity.csv} and
 * the model with its loss curve; the baselines' {@code fidelity.csv} in {@code real} and
 * {@code gaussian-field}. Cost: per D the training budget plus |n| + |ε| − 1 generations of
 * {@code held_out} volumes.</p>
 */
public final class AugDimSweep {

	public static final String SUMMARY = "pfgm-d.md";
	public static final String STEPS_CSV = "robustness-steps.csv";
	public static final String STEPS_PLOT = "robustness-steps.png";
	public static final String ERROR_CSV = "robustness-error.csv";
	public static final String ERROR_PLOT = "robustness-error.png";
	private static final String CURVE_COLUMNS = "aug_dim,steps,network_error,matched,statistics,"
		+ "projection_changed_fraction,evaluations_per_volume,generation_minutes";

	private AugDimSweep() {}

	/**
	 * One sampler setting of one D, compared with the held-out cubes.
	 *
	 * @param steps noise levels n of the sampler
	 * @param networkError injected network error ε
	 * @param method its volumes, costs and §14 comparison
	 */
	public record Point(int steps, double networkError, MethodResult method) {

		/** Statistics with |z| ≤ 2. */
		public int matched() {
			return method.fidelity().matched();
		}
	}

	/**
	 * One D of the sweep.
	 *
	 * @param augDim D, {@link Double#POSITIVE_INFINITY} for diffusion
	 * @param trainingSteps steps trained (fewer than asked when the time budget ran out)
	 * @param trainingMinutes training wall time (minutes)
	 * @param medianLoss median training loss of the last steps (robust to the heavy tails of small D)
	 * @param atDefault the default sampler: n = {@value SigmaGrid.DEFAULT_STEPS}, ε = 0
	 * @param bySteps one point per sampler step count, in the settings' order, ε = 0
	 * @param byError one point per injected error, in the settings' order, default n
	 */
	public record Row(double augDim, long trainingSteps, double trainingMinutes, double medianLoss, Point atDefault,
		List<Point> bySteps, List<Point> byError)
	{

		public Row {
			bySteps = List.copyOf(bySteps);
			byError = List.copyOf(byError);
		}
	}

	/**
	 * @param summary the Markdown summary, rows D
	 * @param table the §14 table at the default sampler
	 * @param stepsPlot matched statistics against n, one line per D
	 * @param errorPlot matched statistics against ε, one line per D
	 * @param baselines real vs real and the Gaussian field
	 * @param rows one per D, in the settings' order
	 */
	public record Result(Path summary, Path table, Path stepsPlot, Path errorPlot, HeldOutSplit split,
		List<MethodResult> baselines, List<Row> rows) {}

	/**
	 * Runs the sweep (hours for the default lists on 64³ volumes: the training budget per D dominates).
	 *
	 * @param log progress lines
	 * @throws IllegalArgumentException naming the parameter before any training, for bad settings,
	 *           an unreadable volume, a pore grey value it does not hold, or a volume too small for
	 *           the split
	 * @throws IOException when an output cannot be written
	 */
	public static Result run(final AugDimSweepSettings settings, final Consumer<String> log) throws IOException {
		settings.validate();
		final BenchmarkSettings benchmark = settings.benchmark();
		final Path output = benchmark.output();
		OutputFiles.requireWritableFolder("output_dir", output);
		final HeldOutReference reference = HeldOutReference.of(benchmark, log);
		final List<MethodResult> baselines = reference.baselines(benchmark, log);
		final List<Row> rows = new ArrayList<>();
		for (final double augDim : settings.augDims()) rows.add(row(augDim, settings, reference, log));

		final List<MethodResult> methods = new ArrayList<>(baselines);
		for (final Row row : rows) methods.add(row.atDefault().method());
		for (final MethodResult m : methods) {
			AtomicFiles.writeString(output.resolve(m.key()).resolve(FidelityBenchmark.CSV), ReportWriter.fidelityCsv(m
				.fidelity()));
		}
		final String header = "Settings: " + settings.describe() + "\n\nSplit: " + reference.split().describe() + ".\n\n";
		final Path table = output.resolve(FidelityBenchmark.TABLE);
		AtomicFiles.writeString(table, "# Fidelity of " + reference.name() + " against D (n = "
			+ SigmaGrid.DEFAULT_STEPS + ", no injected error)\n\n" + header + FidelityTable.markdown(methods, reference
				.description()));
		final List<String> rowNames = new ArrayList<>(List.of("held-out"));
		final List<List<LabelVolume>> pictureRows = new ArrayList<>(List.of(reference.split().heldOut()));
		for (final MethodResult m : methods) {
			rowNames.add(m.name());
			pictureRows.add(m.volumes());
		}
		AtomicFiles.write(output.resolve(FidelityBenchmark.PICTURE), SlicePicture.png(rowNames, pictureRows));
		AtomicFiles.writeString(output.resolve(STEPS_CSV), curveCsv(rows, Row::bySteps));
		AtomicFiles.writeString(output.resolve(ERROR_CSV), curveCsv(rows, Row::byError));
		final int statistics = baselines.get(0).fidelity().rows().size();
		final Path stepsPlot = output.resolve(STEPS_PLOT), errorPlot = output.resolve(ERROR_PLOT);
		AtomicFiles.write(stepsPlot, plot(rows, Row::bySteps, "sampler steps n (2n − 1 evaluations)", p -> p.steps(),
			"Matched statistics against sampler steps, ε = 0 (of " + statistics + ")", statistics));
		AtomicFiles.write(errorPlot, plot(rows, Row::byError, "injected network error ε", Point::networkError,
			"Matched statistics against network error, n = " + SigmaGrid.DEFAULT_STEPS + " (of " + statistics + ")",
			statistics));
		final Path summary = output.resolve(SUMMARY);
		AtomicFiles.writeString(summary, "# PFGM++ D sweep on " + reference.name() + "\n\n" + header + summaryTable(
			settings, rows, baselines, statistics) + "\nFiles: " + FidelityBenchmark.TABLE + " (the §14 table per D), "
			+ STEPS_PLOT + ", " + ERROR_PLOT + ", " + STEPS_CSV + ", " + ERROR_CSV + ", D-*/model.physgen.\n");
		log.accept("wrote " + summary + ", " + table + ", " + stepsPlot + " and " + errorPlot);
		return new Result(summary, table, stepsPlot, errorPlot, reference.split(), baselines, rows);
	}

	/** Trains at one D, then samples each distinct (n, ε) of the curves once. */
	private static Row row(final double augDim, final AugDimSweepSettings settings, final HeldOutReference reference,
		final Consumer<String> log) throws IOException
	{
		final BenchmarkSettings benchmark = settings.benchmark();
		final String key = "D-" + AugDimSweepSettings.augDim(augDim);
		final String name = PfgmProcess.defaults(augDim).label();
		final Path modelFile = benchmark.output().resolve(key).resolve("model.physgen");
		final ModelRuns.Trained trained = ModelRuns.train(key, reference.split().training(), settings.training(augDim,
			modelFile).dataName(reference.name() + " training block"), benchmark.minutes(), log);
		log.accept(String.format(Locale.ROOT, "%s: trained %d steps in %.1f min, median loss of the last steps %.4g",
			name, trained.steps(), trained.minutes(), trained.medianLoss()));
		final Map<String, Point> sampled = new HashMap<>();
		final Sampling sampling = (steps, error) -> {
			final String at = steps + "/" + error;
			if (sampled.containsKey(at)) return sampled.get(at);
			final ModelRuns.Generated generated = ModelRuns.generate(modelFile, benchmark, steps, error, log);
			final String note = String.format(Locale.ROOT, "trained %d steps (%.1f min, median loss %.4g) on the "
				+ "training block only (%s/%s), n = %d, ε = %s, training-mean fractions", trained.steps(), trained
					.minutes(), trained.medianLoss(), key, modelFile.getFileName(), steps, AugDimSweepSettings.plain(error));
			final MethodResult method = reference.measured(ModelRuns.result(name, key, trained, generated, note), log);
			log.accept(String.format(Locale.ROOT, "%s at n = %d, ε = %s: %d matched", name, steps, AugDimSweepSettings
				.plain(error), method.fidelity().matched()));
			final Point point = new Point(steps, error, method);
			sampled.put(at, point);
			return point;
		};
		final Point atDefault = sampling.at(SigmaGrid.DEFAULT_STEPS, 0);
		final List<Point> bySteps = new ArrayList<>(), byError = new ArrayList<>();
		for (final int steps : settings.samplerSteps()) bySteps.add(sampling.at(steps, 0));
		for (final double error : settings.networkErrors()) byError.add(sampling.at(SigmaGrid.DEFAULT_STEPS, error));
		return new Row(augDim, trained.steps(), trained.minutes(), trained.medianLoss(), atDefault, bySteps, byError);
	}

	@FunctionalInterface
	private interface Sampling {

		Point at(int steps, double networkError) throws IOException;
	}

	private static String summaryTable(final AugDimSweepSettings settings, final List<Row> rows,
		final List<MethodResult> baselines, final int statistics)
	{
		final StringBuilder sb = new StringBuilder("Matched statistics (|z| ≤ 2 against the held-out cubes, of ")
			.append(statistics).append(") per D, against sampler steps n (ε = 0) and injected network error ε (n = ")
			.append(SigmaGrid.DEFAULT_STEPS).append("). Baselines: real vs real ").append(baselines.get(0).fidelity()
				.matched()).append(", Gaussian field ").append(baselines.get(1).fidelity().matched()).append(".\n\n| D |");
		for (final int n : settings.samplerSteps()) sb.append(" n = ").append(n).append(" |");
		for (final double e : settings.networkErrors()) sb.append(" ε = ").append(AugDimSweepSettings.plain(e)).append(" |");
		sb.append(" training steps | training min | final loss (median of last ").append(ModelRuns.LOSS_WINDOW).append(
			") | projection changed |\n|---|");
		sb.append("---:|".repeat(settings.samplerSteps().size() + settings.networkErrors().size() + 4)).append('\n');
		for (final Row row : rows) {
			sb.append("| ").append(dimension(row.augDim()).substring("D = ".length())).append(" |");
			for (final Point p : row.bySteps()) sb.append(' ').append(p.matched()).append(" |");
			for (final Point p : row.byError()) sb.append(' ').append(p.matched()).append(" |");
			sb.append(String.format(Locale.ROOT, " %d | %.1f | %.4g | %.4f |\n", row.trainingSteps(), row
				.trainingMinutes(), row.medianLoss(), row.atDefault().method().projectionChangedFraction()));
		}
		return sb.toString();
	}

	/** "D = 1 (PFGM)", "D = 16", "D = ∞". */
	private static String dimension(final double augDim) {
		return "D = " + (Double.isInfinite(augDim) ? "∞" : AugDimSweepSettings.augDim(augDim) + (augDim == 1 ? " (PFGM)"
			: ""));
	}

	private static String curveCsv(final List<Row> rows, final Function<Row, List<Point>> curve) {
		final StringBuilder sb = new StringBuilder(CURVE_COLUMNS).append('\n');
		for (final Row row : rows) {
			for (final Point p : curve.apply(row)) {
				final MethodResult m = p.method();
				sb.append(AugDimSweepSettings.augDim(row.augDim())).append(',').append(p.steps()).append(',').append(
					AugDimSweepSettings.plain(p.networkError())).append(',').append(p.matched()).append(',').append(m
						.fidelity().rows().size()).append(',').append(String.format(Locale.ROOT, "%.6g,%.6g,%.6g", m
							.projectionChangedFraction(), m.evaluationsPerVolume(), m.generationMinutes())).append('\n');
			}
		}
		return sb.toString();
	}

	private static byte[] plot(final List<Row> rows, final Function<Row, List<Point>> curve, final String xLabel,
		final ToDoubleFunction<Point> x, final String title, final int statistics)
	{
		final List<Curve> curves = new ArrayList<>();
		final List<String> names = new ArrayList<>();
		for (final Row row : rows) {
			final List<Point> points = curve.apply(row);
			final double[] xs = new double[points.size()], ys = new double[points.size()];
			for (int i = 0; i < xs.length; i++) {
				xs[i] = x.applyAsDouble(points.get(i));
				ys[i] = points.get(i).matched();
			}
			curves.add(new Curve("matched statistics", "", "", xLabel, "matched statistics (|z| ≤ 2)", xs, ys));
			names.add(dimension(row.augDim()));
		}
		return LinePlot.series(title, curves, names, statistics);
	}
}
