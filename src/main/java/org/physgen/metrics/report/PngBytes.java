package org.physgen.metrics.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

import javax.imageio.ImageIO;

/** A picture as the bytes of a PNG file, for atomic writes. */
public final class PngBytes {

	private PngBytes() {}

	/** @throws UncheckedIOException when ImageIO cannot encode the image */
	public static byte[] of(final BufferedImage image) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try {
			ImageIO.write(image, "png", bytes);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}
}
