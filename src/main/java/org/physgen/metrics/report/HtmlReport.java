package org.physgen.metrics.report;

import java.util.Map;

/** The self-contained HTML page of a report: table, embedded plots and metric definitions. */
final class HtmlReport {

	private HtmlReport() {}

	static String render(final Comparison comparison, final Map<String, byte[]> plots) {
		final boolean compared = !comparison.generated().isEmpty();
		final StringBuilder sb = new StringBuilder();
		sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>")
			.append(escape(title(comparison))).append("</title>\n<style>\n")
			.append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse}")
			.append("td,th{border:1px solid #ccc;padding:3px 8px;text-align:right}td:first-child,th:first-child")
			.append("{text-align:left}th{background:#f0f0f0}.plots img{margin:6px;border:1px solid #ddd}")
			.append("dt{font-weight:bold;margin-top:.6em}\n</style></head><body>\n<h1>")
			.append(escape(title(comparison))).append("</h1>\n");
		if (compared) {
			sb.append("<p>Reference: <b>").append(escape(comparison.reference().volume())).append("</b>; generated: ");
			for (int i = 0; i < comparison.generated().size(); i++) {
				if (i > 0) sb.append(", ");
				sb.append(escape(comparison.generated().get(i).volume()));
			}
			sb.append(".</p>\n");
		}
		comparison.fidelity().ifPresent(f -> fidelity(sb, f));
		if (!comparison.warnings().isEmpty()) {
			sb.append("<h2>Warnings</h2>\n<ul>\n");
			for (final String w : comparison.warnings()) sb.append("<li>").append(escape(w)).append("</li>\n");
			sb.append("</ul>\n");
		}
		sb.append("<h2>Scalars</h2>\n<table>\n<tr><th>quantity</th><th>unit</th><th>")
			.append(compared ? "reference</th><th>generated mean</th><th>sd</th><th>relative difference</th><th>note" : "value")
			.append("</th></tr>\n");
		for (final ComparisonRow r : comparison.rows()) {
			sb.append("<tr><td>").append(escape(r.key())).append("</td><td>").append(escape(r.unit())).append("</td><td>")
				.append(ReportWriter.number(r.reference()));
			if (compared) {
				sb.append("</td><td>").append(ReportWriter.number(r.mean())).append("</td><td>")
					.append(ReportWriter.number(r.sd())).append("</td><td>").append(percent(r.relativeDifference()))
					.append("</td><td>").append(escape(r.note()));
			}
			sb.append("</td></tr>\n");
		}
		sb.append("</table>\n<h2>Curves</h2>\n<div class=\"plots\">\n");
		for (final Map.Entry<String, byte[]> plot : plots.entrySet()) {
			sb.append("<img alt=\"").append(escape(plot.getKey())).append("\" src=\"data:image/png;base64,")
				.append(ReportWriter.base64(plot.getValue())).append("\">\n");
		}
		sb.append("</div>\n<h2>Definitions</h2>\n<dl>\n");
		comparison.definitions().forEach((name, text) -> sb.append("<dt>").append(escape(name)).append("</dt><dd>")
			.append(escape(text)).append("</dd>\n"));
		return sb.append("</dl>\n</body></html>\n").toString();
	}

	/** The natural-spread table, headline first; rows outside |z| <= 2 in bold. */
	private static void fidelity(final StringBuilder sb, final Fidelity fidelity) {
		sb.append("<h2>Is it the same material?</h2>\n<p><b>").append(escape(fidelity.headline()))
			.append("</b>. z = (generated mean - reference mean) / reference sd; within when |z| &le; 2.</p>\n<table>\n<tr>");
		for (final String column : ReportWriter.FIDELITY_COLUMNS.split(",")) {
			sb.append("<th>").append(column.replace('_', ' ')).append("</th>");
		}
		sb.append("</tr>\n");
		for (final FidelityRow r : fidelity.rows()) {
			sb.append(r.within() ? "<tr>" : "<tr style=\"font-weight:bold\">");
			for (final String cell : new String[] { escape(r.statistic()), escape(r.unit()), ReportWriter.number(r
				.referenceMean()), ReportWriter.number(r.referenceSd()), String.valueOf(r.referenceCount()), ReportWriter
					.number(r.generatedMean()), ReportWriter.number(r.generatedSd()), String.valueOf(r.generatedCount()),
				zText(r.z()), r.within() ? "yes" : "no" }) {
				sb.append("<td>").append(cell).append("</td>");
			}
			sb.append("</tr>\n");
		}
		sb.append("</table>\n");
	}

	private static String zText(final double z) {
		if (Double.isNaN(z)) return "";
		if (Double.isInfinite(z)) return z > 0 ? "+inf" : "-inf";
		return String.format(java.util.Locale.ROOT, "%+.2f", z);
	}

	private static String title(final Comparison comparison) {
		return comparison.generated().isEmpty() ? "Microstructure statistics: " + comparison.reference().volume()
			: "Microstructure comparison: " + comparison.reference().volume() + " vs "
				+ comparison.generated().size() + " generated";
	}

	private static String percent(final double relative) {
		return Double.isNaN(relative) ? "" : String.format(java.util.Locale.ROOT, "%+.1f %%", 100 * relative);
	}

	static String escape(final String text) {
		return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
	}
}
