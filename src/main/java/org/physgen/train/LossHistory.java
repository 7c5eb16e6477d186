package org.physgen.train;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.physgen.metrics.report.Curve;
import org.physgen.metrics.report.LinePlot;

/** The loss of every training step, kept in the model bundle as {@code loss.csv} and drawn as a PNG. */
final class LossHistory {

	private final List<Long> steps = new ArrayList<>();
	private final List<Double> losses = new ArrayList<>();

	void add(final long step, final double loss) {
		steps.add(step);
		losses.add(loss);
	}

	int size() {
		return losses.size();
	}

	/** Mean loss of the last {@code window} steps, NaN when there are none. */
	double recentMean(final int window) {
		final int from = Math.max(0, losses.size() - window);
		double sum = 0;
		for (int i = from; i < losses.size(); i++) sum += losses.get(i);
		return losses.size() == from ? Double.NaN : sum / (losses.size() - from);
	}

	byte[] csv() {
		final StringBuilder sb = new StringBuilder("step,loss\n");
		for (int i = 0; i < losses.size(); i++) {
			sb.append(steps.get(i)).append(',').append(String.format(Locale.ROOT, "%.8g", losses.get(i)))
				.append('\n');
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	static LossHistory parse(final byte[] csv) {
		final LossHistory history = new LossHistory();
		if (csv == null) return history;
		final String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
		for (int i = 1; i < lines.length; i++) {
			final String[] parts = lines[i].split(",");
			if (parts.length == 2) history.add(Long.parseLong(parts[0].trim()), Double.parseDouble(parts[1]));
		}
		return history;
	}

	/** PNG of the running mean of the loss against the step. */
	byte[] png(final String title) {
		final int n = losses.size();
		final int window = Math.max(1, n / 50);
		final double[] x = new double[n], y = new double[n];
		double sum = 0;
		for (int i = 0; i < n; i++) {
			sum += losses.get(i);
			if (i >= window) sum -= losses.get(i - window);
			x[i] = steps.get(i);
			y[i] = sum / Math.min(i + 1, window);
		}
		final Curve curve = new Curve("training loss", "", "", "step", "loss", x, y);
		return LinePlot.png(title, List.of(curve),
			window > 1 ? "running mean over " + window + " steps" : "loss", 0);
	}
}
