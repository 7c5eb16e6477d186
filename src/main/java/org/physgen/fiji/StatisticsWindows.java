package org.physgen.fiji;

import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.physgen.metrics.report.Comparison;
import org.physgen.metrics.report.ComparisonRow;
import org.physgen.metrics.report.Curve;
import org.physgen.metrics.report.CurveBand;
import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.FidelityRow;

import ij.gui.Plot;
import ij.measure.ResultsTable;

/** Shows a statistics report in Fiji: a results table and one plot window per curve. */
final class StatisticsWindows {

	private static final Color GENERATED = new Color(214, 96, 39);

	private StatisticsWindows() {}

	static void show(final Comparison comparison, final String title) {
		comparison.fidelity().ifPresent(f -> fidelityTable(f).show(title + ": " + f.headline()));
		table(comparison).show(title);
		final Map<String, CurveBand> bands = comparison.fidelity().map(Fidelity::bands).orElse(Map.of());
		for (final Map.Entry<String, List<Curve>> group : comparison.curvesByKey().entrySet()) {
			plot(group.getKey(), group.getValue(), bands.get(group.getKey())).show();
		}
	}

	static ResultsTable table(final Comparison comparison) {
		final boolean compared = !comparison.generated().isEmpty();
		final ResultsTable table = new ResultsTable();
		for (final ComparisonRow row : comparison.rows()) {
			table.incrementCounter();
			table.addValue("quantity", row.key());
			table.addValue("unit", row.unit());
			table.addValue(compared ? "reference" : "value", row.reference());
			if (compared) {
				table.addValue("generated mean", row.mean());
				table.addValue("generated sd", row.sd());
				table.addValue("relative difference", row.relativeDifference());
				table.addValue("note", row.note());
			}
		}
		return table;
	}

	/** The natural-spread comparison, one row per statistic and phase, as in fidelity.csv. */
	static ResultsTable fidelityTable(final Fidelity fidelity) {
		final ResultsTable table = new ResultsTable();
		for (final FidelityRow row : fidelity.rows()) {
			table.incrementCounter();
			table.addValue("statistic", row.statistic());
			table.addValue("unit", row.unit());
			table.addValue("reference_mean", row.referenceMean());
			table.addValue("reference_sd", row.referenceSd());
			table.addValue("reference_count", row.referenceCount());
			table.addValue("generated_mean", row.generatedMean());
			table.addValue("generated_sd", row.generatedSd());
			table.addValue("generated_count", row.generatedCount());
			table.addValue("z", row.z());
			table.addValue("within", String.valueOf(row.within()));
		}
		return table;
	}

	/** The curves, reference in black, over the reference set's mean ± sd (grey lines) when there is one. */
	private static Plot plot(final String title, final List<Curve> curves, final CurveBand band) {
		final Curve reference = curves.get(0);
		final Plot plot = new Plot(title, reference.xLabel(), reference.yLabel());
		if (band != null) {
			final double[] mean = band.mean(), sd = band.sd(), lower = mean.clone(), upper = mean.clone();
			for (int i = 0; i < mean.length; i++) {
				lower[i] -= sd[i];
				upper[i] += sd[i];
			}
			plot.setColor(Color.GRAY);
			plot.setLineWidth(1);
			plot.add("line", band.x(), lower);
			plot.add("line", band.x(), upper);
		}
		for (int i = curves.size() - 1; i >= 0; i--) {
			plot.setColor(i == 0 ? Color.BLACK : GENERATED);
			plot.setLineWidth(i == 0 ? 2 : 1);
			plot.add("line", curves.get(i).x(), curves.get(i).y());
		}
		plot.setLimitsToFit(false);
		return plot;
	}
}
