package org.physgen.volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes files so that they appear whole or not at all: the content goes to a temporary file in the
 * same directory, is flushed to disk, and is then renamed over the target. A failure or an
 * interruption leaves any earlier file untouched and no temporary file behind.
 */
public final class AtomicFiles {

	/** Writes the content of a file to a stream. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;
	}

	private AtomicFiles() {}

	public static void write(final Path file, final Content content) throws IOException {
		final Path target = file.toAbsolutePath();
		final Path directory = target.getParent();
		Files.createDirectories(directory);
		if (Files.isDirectory(target)) {
			throw new IOException("cannot write " + file + ": it is a directory");
		}
		final Path temporary = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
		boolean moved = false;
		try {
			try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW,
				StandardOpenOption.WRITE);
				OutputStream out = new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16))
			{
				content.writeTo(out);
				out.flush();
				channel.force(true);
			}
			try {
				Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
			}
			moved = true;
		}
		finally {
			if (!moved) Files.deleteIfExists(temporary);
		}
	}

	public static void write(final Path file, final byte[] bytes) throws IOException {
		write(file, out -> out.write(bytes));
	}

	public static void writeString(final Path file, final String text) throws IOException {
		write(file, text.getBytes(StandardCharsets.UTF_8));
	}
}
