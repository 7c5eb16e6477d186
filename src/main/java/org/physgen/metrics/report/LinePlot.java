package org.physgen.metrics.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Draws a group of curves (the reference in thick black, generated volumes in thin colour, and the
 * reference set's mean ± sd as a grey band where there is one) as a PNG, without a display, so
 * reports can be made on headless machines.
 */
public final class LinePlot {

	private static final int WIDTH = 640;
	private static final int HEIGHT = 420;
	private static final int LEFT = 70, RIGHT = 20, TOP = 36, BOTTOM = 52;
	private static final Color GENERATED = new Color(214, 96, 39, 170);
	private static final Color BAND = new Color(150, 150, 150, 110);
	/** Colours of named series, distinguishable in print and for common colour blindness (Okabe–Ito). */
	private static final Color[] SERIES = { new Color(0, 114, 178), new Color(213, 94, 0), new Color(0, 158, 115),
		new Color(204, 121, 167), new Color(230, 159, 0), new Color(86, 180, 233), Color.BLACK, new Color(240, 228,
			66) };
	private static final int MARKER = 6;

	private LinePlot() {}

	/**
	 * Draws and encodes one small plot, so that the graphics and image-writing classes are loaded.
	 * Call it before a shutdown hook that may draw a plot: they cannot start once the JVM is
	 * shutting down ("Shutdown in progress").
	 */
	public static void prepare() {
		png("", List.of(new Curve("", "", "", "x", "y", new double[] { 0, 1 }, new double[] { 0, 1 })), "", 0);
	}

	/** PNG bytes of the curves; the first one is drawn as the reference. */
	public static byte[] png(final String title, final List<Curve> curves, final String referenceName,
		final int generatedCount)
	{
		return png(title, curves, referenceName, generatedCount, null);
	}

	/**
	 * PNG bytes of the curves over the band of the reference set.
	 *
	 * @param band mean ± sd of the curve over the reference volumes of the generated size, or null
	 */
	public static byte[] png(final String title, final List<Curve> curves, final String referenceName,
		final int generatedCount, final CurveBand band)
	{
		return png(title, curves, referenceName, generatedCount > 0 ? String.format(Locale.ROOT, "generated (%d)",
			generatedCount) : null, band);
	}

	/** PNG bytes of the curves, the first drawn as the reference, with the legend of the others. */
	public static byte[] png(final String title, final List<Curve> curves, final String referenceName,
		final String othersName)
	{
		return png(title, curves, referenceName, othersName, null);
	}

	private static byte[] png(final String title, final List<Curve> curves, final String referenceName,
		final String othersName, final CurveBand band)
	{
		final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = whiteCanvas(image);
		final List<Curve> extent = new ArrayList<>(curves);
		if (band != null) extent.addAll(edges(band));
		final double[] range = range(extent);
		final Axis xAxis = new Axis(range[0], range[1]), yAxis = new Axis(range[2], range[3]);
		drawAxes(g, title, curves.get(0), xAxis, yAxis);
		if (band != null) {
			g.setColor(BAND);
			g.fill(bandShape(edges(band), xAxis, yAxis));
		}
		for (int i = curves.size() - 1; i >= 0; i--) {
			final boolean reference = i == 0;
			g.setColor(reference ? Color.BLACK : GENERATED);
			g.setStroke(new BasicStroke(reference ? 2.5f : 1.2f));
			g.draw(path(curves.get(i), xAxis, yAxis));
		}
		drawLegend(g, referenceName, othersName, band != null);
		g.dispose();
		return PngBytes.of(image);
	}

	/** Antialiased graphics on the image, filled white. */
	private static Graphics2D whiteCanvas(final BufferedImage image) {
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(Color.WHITE);
		g.fillRect(0, 0, image.getWidth(), image.getHeight());
		return g;
	}

	/**
	 * PNG bytes of named series on shared axes, each in its own colour with a marker at every point
	 * and its own legend entry, on a white box over the top right of the plot: for sweeps with a few
	 * points per series. Axis labels come from the first curve; colours repeat after eight series.
	 *
	 * @param names the legend entry of each curve, in the same order
	 * @param yMax the top of the y axis at least (e.g. the largest possible count), NaN for the data's
	 * @throws IllegalArgumentException when the counts of curves and names differ or there is no curve
	 */
	public static byte[] series(final String title, final List<Curve> curves, final List<String> names,
		final double yMax)
	{
		if (curves.isEmpty() || curves.size() != names.size()) {
			throw new IllegalArgumentException(curves.size() + " curves for " + names.size() + " names");
		}
		final BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = whiteCanvas(image);
		final double[] range = range(curves);
		final Axis xAxis = new Axis(range[0], range[1]), yAxis = new Axis(range[2], Double.isNaN(yMax) ? range[3]
			: Math.max(range[3], yMax));
		drawAxes(g, title, curves.get(0), xAxis, yAxis);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		final FontMetrics fm = g.getFontMetrics();
		final int legendWidth = 36 + names.stream().mapToInt(fm::stringWidth).max().orElse(0);
		final int legendX = WIDTH - RIGHT - legendWidth - 4;
		for (int i = 0; i < curves.size(); i++) {
			final Curve c = curves.get(i);
			g.setColor(SERIES[i % SERIES.length]);
			g.setStroke(new BasicStroke(1.8f));
			g.draw(path(c, xAxis, yAxis));
			final double[] x = c.x(), y = c.y();
			for (int k = 0; k < x.length; k++) {
				if (!Double.isFinite(x[k]) || !Double.isFinite(y[k])) continue;
				g.fillOval((int) Math.round(px(x[k], xAxis)) - MARKER / 2, (int) Math.round(py(y[k], yAxis)) - MARKER / 2,
					MARKER, MARKER);
			}
			final int legendY = TOP + 16 + 15 * i;
			final Color colour = g.getColor();
			g.setColor(Color.WHITE);
			g.fillRect(legendX - 4, legendY - 12, legendWidth + 4, 15);
			g.setColor(colour);
			g.drawLine(legendX, legendY - 4, legendX + 24, legendY - 4);
			g.fillOval(legendX + 12 - MARKER / 2, legendY - 4 - MARKER / 2, MARKER, MARKER);
			g.setColor(Color.BLACK);
			g.drawString(names.get(i), legendX + 30, legendY);
		}
		g.dispose();
		return PngBytes.of(image);
	}

	/** The lower (mean − sd) and upper (mean + sd) edges of the band. */
	private static List<Curve> edges(final CurveBand band) {
		final double[] mean = band.mean(), sd = band.sd(), lower = new double[mean.length], upper = new double[mean.length];
		for (int i = 0; i < mean.length; i++) {
			lower[i] = mean[i] - sd[i];
			upper[i] = mean[i] + sd[i];
		}
		return List.of(new Curve("", "", "", "", "", band.x(), lower), new Curve("", "", "", "", "", band.x(), upper));
	}

	/** The area between the lower edge, left to right, and the upper edge, right to left. */
	private static Path2D bandShape(final List<Curve> edges, final Axis xAxis, final Axis yAxis) {
		final Path2D.Double shape = new Path2D.Double();
		final double[] x = edges.get(0).x(), lower = edges.get(0).y(), upper = edges.get(1).y();
		for (int i = 0; i < x.length; i++) {
			if (i == 0) shape.moveTo(px(x[i], xAxis), py(lower[i], yAxis));
			else shape.lineTo(px(x[i], xAxis), py(lower[i], yAxis));
		}
		for (int i = x.length - 1; i >= 0; i--) shape.lineTo(px(x[i], xAxis), py(upper[i], yAxis));
		shape.closePath();
		return shape;
	}

	private static double px(final double x, final Axis xAxis) {
		return LEFT + xAxis.fraction(x) * (WIDTH - LEFT - RIGHT);
	}

	private static double py(final double y, final Axis yAxis) {
		return HEIGHT - BOTTOM - yAxis.fraction(y) * (HEIGHT - TOP - BOTTOM);
	}

	private static double[] range(final List<Curve> curves) {
		double x0 = Double.POSITIVE_INFINITY, x1 = Double.NEGATIVE_INFINITY;
		double y0 = Double.POSITIVE_INFINITY, y1 = Double.NEGATIVE_INFINITY;
		for (final Curve c : curves) {
			final double[] x = c.x(), y = c.y();
			for (int i = 0; i < x.length; i++) {
				if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) continue;
				x0 = Math.min(x0, x[i]);
				x1 = Math.max(x1, x[i]);
				y0 = Math.min(y0, y[i]);
				y1 = Math.max(y1, y[i]);
			}
		}
		if (x0 > x1) return new double[] { 0, 1, 0, 1 };
		y0 = Math.min(y0, 0);
		if (x1 == x0) x1 = x0 + 1;
		if (y1 == y0) y1 = y0 + 1;
		return new double[] { x0, x1, y0, y1 + 0.05 * (y1 - y0) };
	}

	private static Path2D path(final Curve c, final Axis xAxis, final Axis yAxis) {
		final Path2D.Double p = new Path2D.Double();
		final double[] x = c.x(), y = c.y();
		boolean pen = false;
		for (int i = 0; i < x.length; i++) {
			if (!Double.isFinite(x[i]) || !Double.isFinite(y[i])) {
				pen = false;
				continue;
			}
			if (pen) p.lineTo(px(x[i], xAxis), py(y[i], yAxis));
			else p.moveTo(px(x[i], xAxis), py(y[i], yAxis));
			pen = true;
		}
		return p;
	}

	private static void drawAxes(final Graphics2D g, final String title, final Curve first, final Axis xAxis,
		final Axis yAxis)
	{
		final int plotW = WIDTH - LEFT - RIGHT, plotH = HEIGHT - TOP - BOTTOM;
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		final FontMetrics fm = g.getFontMetrics();
		for (final double t : xAxis.ticks()) {
			final int px = LEFT + (int) Math.round(xAxis.fraction(t) * plotW);
			g.setColor(new Color(230, 230, 230));
			g.drawLine(px, TOP, px, HEIGHT - BOTTOM);
			g.setColor(Color.DARK_GRAY);
			final String s = xAxis.label(t);
			g.drawString(s, px - fm.stringWidth(s) / 2, HEIGHT - BOTTOM + 15);
		}
		for (final double t : yAxis.ticks()) {
			final int py = HEIGHT - BOTTOM - (int) Math.round(yAxis.fraction(t) * plotH);
			g.setColor(new Color(230, 230, 230));
			g.drawLine(LEFT, py, WIDTH - RIGHT, py);
			g.setColor(Color.DARK_GRAY);
			final String s = yAxis.label(t);
			g.drawString(s, LEFT - 6 - fm.stringWidth(s), py + 4);
		}
		g.setColor(Color.BLACK);
		g.drawRect(LEFT, TOP, plotW, plotH);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
		final FontMetrics fm12 = g.getFontMetrics();
		g.drawString(first.xLabel(), LEFT + (plotW - fm12.stringWidth(first.xLabel())) / 2, HEIGHT - 12);
		final Graphics2D rotated = (Graphics2D) g.create();
		rotated.rotate(-Math.PI / 2);
		rotated.drawString(first.yLabel(), -(TOP + (plotH + fm12.stringWidth(first.yLabel())) / 2), 16);
		rotated.dispose();
		g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
		g.drawString(title, LEFT, TOP - 12);
	}

	private static void drawLegend(final Graphics2D g, final String referenceName, final String othersName,
		final boolean band)
	{
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
		final int x = WIDTH - RIGHT - 190, y = TOP + 16;
		g.setStroke(new BasicStroke(2.5f));
		g.setColor(Color.BLACK);
		g.drawLine(x, y - 4, x + 24, y - 4);
		g.drawString(referenceName, x + 30, y);
		if (othersName != null) {
			g.setStroke(new BasicStroke(1.2f));
			g.setColor(GENERATED);
			g.drawLine(x, y + 12, x + 24, y + 12);
			g.setColor(Color.BLACK);
			g.drawString(othersName, x + 30, y + 16);
		}
		if (band) {
			g.setColor(BAND);
			g.fillRect(x, y + 24, 24, 8);
			g.setColor(Color.BLACK);
			g.drawString("reference set, mean \u00b1 sd", x + 30, y + 32);
		}
	}

	/** A linear axis with about five round-numbered ticks. */
	private record Axis(double min, double max) {

		double fraction(final double v) {
			return (v - min) / (max - min);
		}

		double step() {
			final double raw = (max - min) / 5;
			final double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
			return raw / magnitude < 2 ? magnitude : raw / magnitude < 5 ? 2 * magnitude : 5 * magnitude;
		}

		double[] ticks() {
			final double step = step();
			final double first = Math.ceil(min / step) * step;
			final int n = (int) Math.floor((max - first) / step + 1e-9) + 1;
			final double[] ticks = new double[Math.max(0, n)];
			for (int i = 0; i < ticks.length; i++) ticks[i] = first + i * step;
			return ticks;
		}

		/** Tick labels share the number of decimals that the tick step needs. */
		String label(final double v) {
			final int decimals = (int) Math.max(0, -Math.floor(Math.log10(step()) + 1e-9));
			return String.format(Locale.ROOT, "%." + decimals + "f", v);
		}
	}
}
