package org.physgen.train;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import org.physgen.metrics.report.Curve;
import org.physgen.metrics.report.LinePlot;

/**
 * The loss of every training step and the validation losses ({@link ValidationLoss}), kept in the
 * model bundle as {@code loss.csv} and {@code validation.csv} and drawn together as a PNG.
 */
final class LossHistory {

	private final List<Long> steps = new ArrayList<>();
	private final List<Double> losses = new ArrayList<>();
	private final List<Long> validationSteps = new ArrayList<>();
	private final List<Double> validationLosses = new ArrayList<>();

	void add(final long step, final double loss) {
		steps.add(step);
		losses.add(loss);
	}

	void addValidation(final long step, final double loss) {
		validationSteps.add(step);
		validationLosses.add(loss);
	}

	int size() {
		return losses.size();
	}

	int validationSize() {
		return validationLosses.size();
	}

	/** Mean loss of the last {@code window} steps, NaN when there are none. */
	double recentMean(final int window) {
		final int from = Math.max(0, losses.size() - window);
		double sum = 0;
		for (int i = from; i < losses.size(); i++) sum += losses.get(i);
		return losses.size() == from ? Double.NaN : sum / (losses.size() - from);
	}

	byte[] csv() {
		return csv("step,loss", steps, losses);
	}

	byte[] validationCsv() {
		return csv("step,validation_loss", validationSteps, validationLosses);
	}

	static LossHistory parse(final byte[] csv) {
		final LossHistory history = new LossHistory();
		read(csv, history::add);
		return history;
	}

	/** Adds the validation losses of a {@link #validationCsv()}; none for null. */
	void parseValidation(final byte[] csv) {
		read(csv, this::addValidation);
	}

	private static byte[] csv(final String header, final List<Long> steps, final List<Double> values) {
		final StringBuilder sb = new StringBuilder(header).append('\n');
		for (int i = 0; i < values.size(); i++) {
			sb.append(steps.get(i)).append(',').append(String.format(Locale.ROOT, "%.8g", values.get(i)))
				.append('\n');
		}
		return sb.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void read(final byte[] csv, final BiConsumer<Long, Double> add) {
		if (csv == null) return;
		final String[] lines = new String(csv, StandardCharsets.UTF_8).split("\n");
		for (int i = 1; i < lines.length; i++) {
			final String[] parts = lines[i].split(",");
			if (parts.length == 2) add.accept(Long.parseLong(parts[0].trim()), Double.parseDouble(parts[1]));
		}
	}

	/**
	 * PNG of the running mean of the loss against the step, with the validation losses over it.
	 *
	 * @param validationLegend the validation curve's legend
	 */
	byte[] png(final String title, final String validationLegend) {
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
		final String training = window > 1 ? "running mean over " + window + " steps" : "loss";
		final List<Curve> curves = new ArrayList<>(List.of(new Curve("training loss", "", "", "step", "loss", x, y)));
		if (validationLosses.isEmpty()) return LinePlot.png(title, curves, training, 0);
		final double[] vx = new double[validationLosses.size()], vy = new double[vx.length];
		for (int i = 0; i < vx.length; i++) {
			vx[i] = validationSteps.get(i);
			vy[i] = validationLosses.get(i);
		}
		curves.add(new Curve("validation loss", "", "", "step", "loss", vx, vy));
		return LinePlot.png(title, curves, training, validationLegend);
	}
}
