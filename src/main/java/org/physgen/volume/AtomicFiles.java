package org.physgen.volume;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Writes files so that they appear whole or not at all: the content goes to a temporary file
 * {@code .NAME.<uuid>.tmp} in the same directory, is flushed to disk, and is then renamed over the
 * target ({@link #write}) or published under a name nobody holds yet ({@link #createNew},
 * {@link #createFresh}). A failure leaves any earlier file untouched and no temporary file behind.
 * <p>
 * The writer holds a lock on its temporary file until it is renamed, so a temporary file of the
 * target that nobody holds (and that is older than a few seconds) was left by a process that was
 * killed: each write deletes those first.
 */
public final class AtomicFiles {

	/** Writes the content of a file to a stream. */
	@FunctionalInterface
	public interface Content {

		void writeTo(OutputStream out) throws IOException;
	}

	/** Beyond this many taken names {@link #createFresh} gives up (a folder of runs, not a race). */
	private static final int MAX_FRESH_NAMES = 100_000;

	/** A writer locks its temporary file just after creating it: one this young may not be locked yet. */
	private static final long UNLOCKED_START_MILLIS = 10_000;

	private static final String UUID_PATTERN = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

	private AtomicFiles() {}

	/** Writes the file, replacing an earlier one. */
	public static void write(final Path file, final Content content) throws IOException {
		try (Temporary temporary = Temporary.write(file, content)) {
			temporary.replace();
		}
	}

	public static void write(final Path file, final byte[] bytes) throws IOException {
		write(file, out -> out.write(bytes));
	}

	public static void writeString(final Path file, final String text) throws IOException {
		write(file, text.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * Writes a file that must not exist yet; of two writers racing for one name, exactly one wins.
	 *
	 * @throws FileAlreadyExistsException when the file exists, with nothing written
	 */
	public static void createNew(final Path file, final Content content) throws IOException {
		try (Temporary temporary = Temporary.write(file, content)) {
			temporary.publish(file.toAbsolutePath());
		}
	}

	/**
	 * Writes {@code STEM.EXT} in the directory, or {@code STEM_2.EXT}, {@code STEM_3.EXT}, ... when
	 * that name is taken, and returns the file written; an existing file is never replaced, and of
	 * concurrent writers each gets its own name.
	 *
	 * @param extension the name's ending with its dot, such as {@code ".tif"}
	 */
	public static Path createFresh(final Path directory, final String stem, final String extension,
		final Content content) throws IOException
	{
		final Path first = directory.resolve(stem + extension).toAbsolutePath();
		try (Temporary temporary = Temporary.write(first, content)) {
			for (int n = 1; n <= MAX_FRESH_NAMES; n++) {
				final Path candidate = n == 1 ? first : first.resolveSibling(stem + "_" + n + extension);
				try {
					temporary.publish(candidate);
					return candidate;
				}
				catch (final FileAlreadyExistsException taken) {
					// the next suffix
				}
			}
		}
		throw new FileAlreadyExistsException(first.toString(), null, "the names " + stem + extension + " to " +
			stem + "_" + MAX_FRESH_NAMES + extension + " are all taken");
	}

	/** The temporary files that writers of the target use, whether live or stale. */
	private static Pattern temporaryNames(final Path target) {
		return Pattern.compile("\\." + Pattern.quote(target.getFileName().toString()) + "\\." + UUID_PATTERN +
			"\\.tmp");
	}

	/**
	 * Deletes the temporary files of the target that no writer holds; a file whose lock cannot be
	 * taken belongs to a writer that is still at work. Tidying is best effort: a folder that cannot be
	 * listed may still take the file.
	 */
	private static void deleteStaleTemporaries(final Path target) {
		final Path directory = target.getParent();
		if (directory == null || !Files.isDirectory(directory)) return;
		final Pattern names = temporaryNames(target);
		try (DirectoryStream<Path> entries = Files.newDirectoryStream(directory,
			entry -> names.matcher(entry.getFileName().toString()).matches()))
		{
			for (final Path stale : entries) {
				if (isUnheld(stale)) Files.deleteIfExists(stale);
			}
		}
		catch (final IOException | DirectoryIteratorException e) {
			// the write itself reports a folder it cannot use
		}
	}

	private static boolean isUnheld(final Path temporary) {
		try {
			final long age = System.currentTimeMillis() - Files.getLastModifiedTime(temporary).toMillis();
			if (age < UNLOCKED_START_MILLIS) return false;
		}
		catch (final IOException gone) {
			return false;
		}
		try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
			try (FileLock lock = channel.tryLock()) {
				return lock != null;
			}
			catch (final OverlappingFileLockException heldInThisProcess) {
				return false;
			}
		}
		catch (final IOException gone) {
			return false;
		}
	}

	/**
	 * A written and flushed temporary file beside its target, locked while it is unpublished where the
	 * file system supports locks; closing deletes it unless it was published.
	 */
	private static final class Temporary implements AutoCloseable {

		private final Path target;
		private final Path path;
		private final FileChannel channel;
		private FileLock lock;
		private boolean published;

		private Temporary(final Path target, final Path path, final FileChannel channel) {
			this.target = target;
			this.path = path;
			this.channel = channel;
		}

		static Temporary write(final Path file, final Content content) throws IOException {
			final Path target = file.toAbsolutePath();
			final Path directory = target.getParent();
			Files.createDirectories(directory);
			if (Files.isDirectory(target)) throw new IOException("cannot write " + file + ": it is a directory");
			deleteStaleTemporaries(target);
			final Path path = directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".tmp");
			final Temporary temporary = new Temporary(target, path, FileChannel.open(path,
				StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE));
			try {
				temporary.lock();
				final OutputStream out = new BufferedOutputStream(Channels.newOutputStream(temporary.channel),
					1 << 16);
				content.writeTo(out);
				out.flush();
				temporary.channel.force(true);
				return temporary;
			}
			catch (final IOException | RuntimeException | Error e) {
				temporary.close();
				throw e;
			}
		}

		private void lock() {
			try {
				lock = channel.tryLock();
			}
			catch (final IOException noLocksHere) {
				// without a lock the file is never taken for stale, which is safe
			}
		}

		/** Renames the temporary file over the target. */
		void replace() throws IOException {
			release();
			move(target);
		}

		/**
		 * Gives the content a name that must be free. A hard link claims the name and fills it in one
		 * step; where links are not supported, an empty file claims the name and the content is then
		 * renamed over it.
		 *
		 * @throws FileAlreadyExistsException when the name is taken; the content stays for another name
		 */
		void publish(final Path name) throws IOException {
			try {
				Files.createLink(name, path);
			}
			catch (final FileAlreadyExistsException taken) {
				throw taken;
			}
			catch (final UnsupportedOperationException | FileSystemException noLinks) {
				Files.createFile(name);
				release();
				try {
					move(name);
				}
				finally {
					if (!published) Files.deleteIfExists(name);
				}
				return;
			}
			release();
			published = true;
			Files.delete(path);
		}

		private void move(final Path to) throws IOException {
			try {
				Files.move(path, to, StandardCopyOption.ATOMIC_MOVE);
			}
			catch (final AtomicMoveNotSupportedException e) {
				Files.move(path, to, StandardCopyOption.REPLACE_EXISTING);
			}
			published = true;
		}

		private void release() throws IOException {
			if (channel.isOpen()) {
				if (lock != null) lock.release();
				channel.close();
			}
		}

		@Override
		public void close() throws IOException {
			release();
			if (!published) Files.deleteIfExists(path);
		}
	}
}
