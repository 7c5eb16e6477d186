package org.physgen.metrics.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.physgen.volume.AtomicFiles;

import com.google.gson.GsonBuilder;

/**
 * Writes a comparison (or the statistics of a single volume) into a folder: {@code scalars.csv}
 * (every scalar of every volume, one per line), {@code comparison.csv} (reference, generated mean ±
 * sd, relative difference, and a note where an extensive quantity of volumes of different sizes is not
 * compared), {@code curves.csv}, {@code statistics.json} (all of it, for scripts),
 * one PNG per curve under {@code plots/}, and {@code report.html}, a self-contained page with the
 * table, the plots embedded and the definition of every metric; with a natural-spread comparison also
 * {@code fidelity.csv} ({@link #FIDELITY_COLUMNS}, one row per statistic and phase), which the page
 * and the JSON lead with. Each file is written atomically.
 */
public final class ReportWriter {

	/** The header of fidelity.csv. */
	public static final String FIDELITY_COLUMNS = "statistic,unit,reference_mean,reference_sd,reference_count,"
		+ "generated_mean,generated_sd,generated_count,z,within";

	private ReportWriter() {}

	/** Writes the report and returns the path of report.html. */
	public static Path write(final Comparison comparison, final Path directory) throws IOException {
		if (comparison.fidelity().isPresent()) {
			AtomicFiles.writeString(directory.resolve("fidelity.csv"), fidelityCsv(comparison.fidelity().get()));
		}
		AtomicFiles.writeString(directory.resolve("scalars.csv"), scalarsCsv(comparison));
		AtomicFiles.writeString(directory.resolve("comparison.csv"), comparisonCsv(comparison));
		AtomicFiles.writeString(directory.resolve("curves.csv"), curvesCsv(comparison));
		AtomicFiles.writeString(directory.resolve("statistics.json"), json(comparison));
		final Map<String, byte[]> plots = plots(comparison);
		for (final Map.Entry<String, byte[]> plot : plots.entrySet()) {
			AtomicFiles.write(directory.resolve("plots").resolve(fileName(plot.getKey()) + ".png"), plot.getValue());
		}
		final Path html = directory.resolve("report.html");
		AtomicFiles.writeString(html, HtmlReport.render(comparison, plots));
		return html;
	}

	/** One PNG per curve key, reference first, over the reference set's band where there is one. */
	public static Map<String, byte[]> plots(final Comparison comparison) {
		final Map<String, byte[]> plots = new LinkedHashMap<>();
		final Map<String, CurveBand> bands = comparison.fidelity().map(Fidelity::bands).orElse(Map.of());
		comparison.curvesByKey().forEach((key, curves) -> plots.put(key, LinePlot.png(key, curves,
			"reference: " + comparison.reference().volume(), curves.size() - 1, bands.get(key))));
		return plots;
	}

	static String fileName(final String key) {
		return key.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	/** The contents of scalars.csv: a header, then one row per volume, statistic, phase and axis. */
	public static String scalarsCsv(final Comparison comparison) {
		final StringBuilder sb = new StringBuilder("volume,metric,phase,axis,value,unit\n");
		for (final VolumeStatistics v : comparison.volumes()) {
			for (final Scalar s : v.scalars()) {
				sb.append(csv(v.volume())).append(',').append(csv(s.metric())).append(',').append(csv(s.phase()))
					.append(',').append(csv(s.axis())).append(',').append(number(s.value())).append(',')
					.append(csv(s.unit())).append('\n');
			}
		}
		return sb.toString();
	}

	static String comparisonCsv(final Comparison comparison) {
		final StringBuilder sb = new StringBuilder(
			"quantity,unit,reference,generated_mean,generated_sd,generated_count,relative_difference,note\n");
		for (final ComparisonRow r : comparison.rows()) {
			sb.append(csv(r.key())).append(',').append(csv(r.unit())).append(',').append(number(r.reference()))
				.append(',').append(number(r.mean())).append(',').append(number(r.sd())).append(',').append(r.count())
				.append(',').append(number(r.relativeDifference())).append(',').append(csv(r.note())).append('\n');
		}
		return sb.toString();
	}

	/** The rows of fidelity.csv under its header ({@link #FIDELITY_COLUMNS}). */
	public static String fidelityCsv(final Fidelity fidelity) {
		final StringBuilder sb = new StringBuilder(FIDELITY_COLUMNS).append('\n');
		for (final FidelityRow r : fidelity.rows()) {
			sb.append(csv(r.statistic())).append(',').append(csv(r.unit())).append(',').append(number(r.referenceMean()))
				.append(',').append(number(r.referenceSd())).append(',').append(r.referenceCount()).append(',')
				.append(number(r.generatedMean())).append(',').append(number(r.generatedSd())).append(',')
				.append(r.generatedCount()).append(',').append(number(r.z())).append(',').append(r.within()).append('\n');
		}
		return sb.toString();
	}

	static String curvesCsv(final Comparison comparison) {
		final StringBuilder sb = new StringBuilder("volume,metric,phase,axis,x,y\n");
		for (final VolumeStatistics v : comparison.volumes()) {
			for (final Curve c : v.curves()) {
				final double[] x = c.x(), y = c.y();
				for (int i = 0; i < x.length; i++) {
					sb.append(csv(v.volume())).append(',').append(csv(c.metric())).append(',').append(csv(c.phase()))
						.append(',').append(csv(c.axis())).append(',').append(number(x[i])).append(',')
						.append(number(y[i])).append('\n');
				}
			}
		}
		return sb.toString();
	}

	static String json(final Comparison comparison) {
		final Map<String, Object> root = new LinkedHashMap<>();
		comparison.fidelity().ifPresent(f -> root.put("fidelity", fidelityJson(f)));
		root.put("reference", comparison.reference());
		root.put("generated", comparison.generated());
		final List<Map<String, Object>> rows = new ArrayList<>();
		for (final ComparisonRow r : comparison.rows()) {
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("quantity", r.key());
			row.put("unit", r.unit());
			row.put("reference", r.reference());
			row.put("generated_mean", r.mean());
			row.put("generated_sd", r.sd());
			row.put("generated_count", r.count());
			row.put("relative_difference", r.relativeDifference());
			row.put("comparable", r.comparable());
			rows.add(row);
		}
		root.put("comparison", rows);
		root.put("warnings", comparison.warnings());
		root.put("definitions", comparison.definitions());
		return new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(root);
	}

	private static Map<String, Object> fidelityJson(final Fidelity fidelity) {
		final Map<String, Object> map = new LinkedHashMap<>();
		map.put("headline", fidelity.headline());
		map.put("reference", fidelity.reference());
		map.put("reference_volumes", fidelity.referenceVolumes());
		map.put("size", fidelity.size());
		map.put("matched", fidelity.matched());
		final List<Map<String, Object>> rows = new ArrayList<>();
		for (final FidelityRow r : fidelity.rows()) {
			final Map<String, Object> row = new LinkedHashMap<>();
			row.put("statistic", r.statistic());
			row.put("unit", r.unit());
			row.put("reference_mean", r.referenceMean());
			row.put("reference_sd", r.referenceSd());
			row.put("reference_count", r.referenceCount());
			row.put("generated_mean", r.generatedMean());
			row.put("generated_sd", r.generatedSd());
			row.put("generated_count", r.generatedCount());
			row.put("z", r.z());
			row.put("within", r.within());
			rows.add(row);
		}
		map.put("rows", rows);
		map.put("curve_bands", fidelity.bands());
		return map;
	}

	/** "" for NaN, "inf" or "-inf" for infinities, integers without a decimal point. */
	static String number(final double v) {
		if (Double.isNaN(v)) return "";
		if (Double.isInfinite(v)) return v > 0 ? "inf" : "-inf";
		if (v == Math.rint(v) && Math.abs(v) < 1e15) return String.valueOf((long) v);
		return String.format(Locale.ROOT, "%.6g", v);
	}

	private static String csv(final String text) {
		if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
			return '"' + text.replace("\"", "\"\"") + '"';
		}
		return text;
	}

	static String base64(final byte[] png) {
		return Base64.getEncoder().encodeToString(png);
	}
}
