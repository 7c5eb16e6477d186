package org.physgen.evaluation;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

import org.physgen.metrics.report.FidelityRow;

/**
 * The benchmark's Markdown table: one row per §14 statistic with the held-out mean ± sd and each
 * method's z (bold where |z| > 2), then the matched counts and the costs of each method.
 */
final class FidelityTable {

	private FidelityTable() {}

	static String markdown(final List<MethodResult> methods, final String reference) {
		final StringBuilder sb = new StringBuilder("| statistic | unit | held-out mean ± sd |");
		for (final MethodResult m : methods) sb.append(" z ").append(m.name()).append(" |");
		sb.append("\n|---|---|---:|");
		for (int i = 0; i < methods.size(); i++) sb.append("---:|");
		sb.append('\n');
		final List<FidelityRow> first = methods.get(0).fidelity().rows();
		for (int r = 0; r < first.size(); r++) {
			final FidelityRow row = first.get(r);
			sb.append("| ").append(row.statistic()).append(" | ").append(row.unit()).append(" | ").append(String.format(
				Locale.ROOT, "%.4g ± %.2g", row.referenceMean(), row.referenceSd())).append(" |");
			for (final MethodResult m : methods) sb.append(' ').append(z(m.fidelity().rows().get(r))).append(" |");
			sb.append('\n');
		}
		sb.append("| **matched (\\|z\\| ≤ 2)** | | |");
		for (final MethodResult m : methods) {
			sb.append(" **").append(m.fidelity().matched()).append(" of ").append(m.fidelity().rows().size()).append(
				"** |");
		}
		sb.append('\n');
		row(sb, "repaired fraction (DSD, Yukawa)", "", methods, MethodResult::repairedFraction, "%.4f");
		row(sb, "projection-changed fraction (PFGM++, local-DSM)", "", methods, MethodResult::projectionChangedFraction, "%.4f");
		row(sb, "training steps", "", methods, MethodResult::trainingSteps, "%.0f");
		row(sb, "training time", "min", methods, MethodResult::trainingMinutes, "%.1f");
		row(sb, "generation time, all volumes", "min", methods, MethodResult::generationMinutes, "%.2f");
		row(sb, "network evaluations per volume", "", methods, MethodResult::evaluationsPerVolume, "%.0f");
		sb.append("\nReference: ").append(reference).append(".\n\n");
		for (final MethodResult m : methods) sb.append("- ").append(m.name()).append(": ").append(m.note()).append('\n');
		return sb.toString();
	}

	private static void row(final StringBuilder sb, final String label, final String unit,
		final List<MethodResult> methods, final ToDoubleFunction<MethodResult> value, final String format)
	{
		sb.append("| ").append(label).append(" | ").append(unit).append(" | |");
		for (final MethodResult m : methods) {
			final double v = value.applyAsDouble(m);
			sb.append(' ').append(Double.isNaN(v) ? "–" : String.format(Locale.ROOT, format, v)).append(" |");
		}
		sb.append('\n');
	}

	private static String z(final FidelityRow row) {
		final double z = row.z();
		if (Double.isNaN(z)) return "n/a";
		final String text = Double.isInfinite(z) ? (z > 0 ? "+∞" : "−∞") : String.format(Locale.ROOT, "%+.2f", z);
		return row.within() ? text : "**" + text + "**";
	}
}
