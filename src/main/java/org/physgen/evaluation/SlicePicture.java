package org.physgen.evaluation;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.List;

import org.physgen.metrics.report.PngBytes;
import org.physgen.volume.LabelVolume;

/**
 * A PNG of middle z-slices: one row per set of volumes (held-out, then each method), up to
 * {@link #PER_ROW} volumes per row, phase p of P drawn as grey level 255·p/(P − 1), each slice scaled
 * up by a whole factor to at least {@link #MIN_TILE} pixels, on a pale blue background.
 */
final class SlicePicture {

	static final int PER_ROW = 4;
	private static final int MIN_TILE = 128;
	private static final int LABEL_WIDTH = 150;
	private static final int GAP = 6;
	/** Not a grey level, so that tiles stand apart from it whatever their phases. */
	private static final Color BACKGROUND = new Color(176, 196, 222);

	private SlicePicture() {}

	/**
	 * @param names one label per row
	 * @param rows volumes of one size and phase count per row
	 */
	static byte[] png(final List<String> names, final List<List<LabelVolume>> rows) {
		final LabelVolume first = rows.get(0).get(0);
		final int scale = Math.max(1, (MIN_TILE + Math.max(first.sizeX(), first.sizeY()) - 1) / Math.max(first.sizeX(),
			first.sizeY()));
		final int tileX = first.sizeX() * scale, tileY = first.sizeY() * scale;
		final int width = LABEL_WIDTH + PER_ROW * (tileX + GAP), height = rows.size() * (tileY + GAP) + GAP;
		final BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		g.setColor(BACKGROUND);
		g.fillRect(0, 0, width, height);
		g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
		for (int r = 0; r < rows.size(); r++) {
			final int top = GAP + r * (tileY + GAP);
			g.setColor(Color.BLACK);
			g.drawString(names.get(r), 8, top + tileY / 2);
			final List<LabelVolume> row = rows.get(r);
			for (int i = 0; i < Math.min(PER_ROW, row.size()); i++) {
				g.drawImage(middleSlice(row.get(i), scale), LABEL_WIDTH + i * (tileX + GAP), top, null);
			}
		}
		g.dispose();
		return PngBytes.of(image);
	}

	private static BufferedImage middleSlice(final LabelVolume volume, final int scale) {
		final int phases = volume.phases().phaseCount();
		final byte[] slice = volume.slice(volume.sizeZ() / 2);
		final BufferedImage tile = new BufferedImage(volume.sizeX() * scale, volume.sizeY() * scale,
			BufferedImage.TYPE_BYTE_GRAY);
		for (int y = 0; y < tile.getHeight(); y++) {
			for (int x = 0; x < tile.getWidth(); x++) {
				final int phase = slice[(y / scale) * volume.sizeX() + x / scale] & 0xFF;
				final int grey = phases < 2 ? 0 : 255 * phase / (phases - 1);
				tile.getRaster().setSample(x, y, 0, grey);
			}
		}
		return tile;
	}
}
