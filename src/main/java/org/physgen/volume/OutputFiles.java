package org.physgen.volume;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Checks of output locations, made before long work starts: that a folder can be created and
 * written (by writing and deleting a probe file), and that an existing file is one PhysGen may
 * replace. Failures are {@link IllegalArgumentException}s naming the parameter, the path and the
 * operating system's reason.
 */
public final class OutputFiles {

	private static final byte[] PNG_SIGNATURE = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n' };

	private OutputFiles() {}

	/**
	 * Makes sure the folder exists (creating it and its parents) and that a file can be written in it.
	 *
	 * @throws IllegalArgumentException when it is a file, or cannot be created or written, with the reason
	 */
	public static void requireWritableFolder(final String parameter, final Path folder) {
		final Path absolute = folder.toAbsolutePath();
		if (Files.exists(absolute) && !Files.isDirectory(absolute)) {
			throw new IllegalArgumentException(parameter + " '" + absolute + "' is a file, not a folder");
		}
		final List<Path> created = missingFolders(absolute);
		try {
			try {
				Files.createDirectories(absolute);
			}
			catch (final IOException e) {
				throw new IllegalArgumentException(parameter + " '" + absolute + "': the folder cannot be created: "
					+ reason(e), e);
			}
			try {
				probe(absolute);
			}
			catch (final IOException e) {
				throw new IllegalArgumentException(parameter + " '" + absolute + "': cannot write in this folder: "
					+ reason(e), e);
			}
		}
		finally {
			removeEmpty(created);
		}
	}

	/**
	 * Checks that the file can be written: it is not a folder nor a read-only file, and its folder
	 * exists or can be created and takes a new file.
	 *
	 * @throws IllegalArgumentException otherwise, with the reason
	 */
	public static void requireWritableFile(final String parameter, final Path file) {
		final Path absolute = file.toAbsolutePath();
		if (Files.isDirectory(absolute)) {
			throw new IllegalArgumentException(parameter + " '" + absolute + "' is a folder, not a file");
		}
		if (Files.isRegularFile(absolute) && !Files.isWritable(absolute)) {
			throw new IllegalArgumentException(parameter + " '" + absolute + "' is read-only; PhysGen does not"
				+ " replace a file that you protected");
		}
		final Path folder = absolute.getParent();
		final List<Path> created = missingFolders(folder);
		try {
			Files.createDirectories(folder);
			probe(folder);
		}
		catch (final IOException e) {
			throw new IllegalArgumentException(parameter + " '" + absolute + "' cannot be written: " + reason(e),
				e);
		}
		finally {
			removeEmpty(created);
		}
	}

	/** The folders of the path that do not exist yet, deepest first. */
	private static List<Path> missingFolders(final Path folder) {
		final List<Path> missing = new ArrayList<>();
		for (Path p = folder; p != null && !Files.exists(p); p = p.getParent()) missing.add(p);
		return missing;
	}

	/**
	 * Removes the folders a check created, so that a run refused later leaves nothing behind; the
	 * writers create them again when they write.
	 */
	private static void removeEmpty(final List<Path> folders) {
		for (final Path p : folders) {
			try {
				Files.deleteIfExists(p);
			}
			catch (final IOException e) {
				return;
			}
		}
	}

	/** Creates and deletes a one-byte file in the folder. */
	private static void probe(final Path folder) throws IOException {
		final Path probe = folder.resolve(".physgen-probe-" + UUID.randomUUID() + ".tmp");
		try (SeekableByteChannel channel = Files.newByteChannel(probe, StandardOpenOption.CREATE_NEW,
			StandardOpenOption.WRITE, StandardOpenOption.DELETE_ON_CLOSE))
		{
			channel.write(ByteBuffer.wrap(new byte[] { 0 }));
		}
	}

	/**
	 * Refuses to go on when the file exists and is not of the kind PhysGen writes there: PhysGen
	 * replaces only files it wrote.
	 *
	 * @param kind what PhysGen writes there, for the message ("PhysGen model", "PNG image")
	 * @param isKind recognises a file of that kind
	 */
	public static void requireReplaceable(final String parameter, final Path file, final String kind,
		final Predicate<Path> isKind)
	{
		if (Files.isRegularFile(file) && !isKind.test(file)) {
			throw new IllegalArgumentException(parameter + ": '" + file.toAbsolutePath() + "' exists and is not a "
				+ kind + "; PhysGen replaces only files it wrote: choose another name, or move that file away");
		}
	}

	/** Refuses an output that is the same file as one of the command's inputs. */
	public static void requireDistinct(final String parameter, final Path output, final String inputParameter,
		final Path input)
	{
		if (output == null || input == null || !Files.exists(output) || !Files.exists(input)) return;
		try {
			if (Files.isSameFile(output, input)) {
				throw new IllegalArgumentException(parameter + " '" + output.toAbsolutePath() + "' is the "
					+ inputParameter + "; writing it would destroy the input: choose another " + parameter);
			}
		}
		catch (final IOException e) {
			// either file vanished meanwhile: they cannot be the same
		}
	}

	/** Whether the file starts with the PNG signature. */
	public static boolean isPng(final Path file) {
		return startsWith(file, PNG_SIGNATURE);
	}

	/** Whether the file's first bytes are the given ones. */
	public static boolean startsWith(final Path file, final byte[] prefix) {
		try (InputStream in = Files.newInputStream(file)) {
			return Arrays.equals(in.readNBytes(prefix.length), prefix);
		}
		catch (final IOException e) {
			return false;
		}
	}

	/** The operating system's reason for a failed file operation, in words. */
	public static String reason(final IOException e) {
		return e instanceof FileAlreadyExistsException ? "a part of the path is a file, not a folder"
			: FailureReasons.of(e);
	}
}
