package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {

	@TempDir
	Path dir;

	private List<String> names() throws IOException {
		try (Stream<Path> files = Files.list(dir)) {
			return files.map(f -> f.getFileName().toString()).sorted().toList();
		}
	}

	private Path temporaryOf(final String target) throws IOException {
		final Path temporary = dir.resolve("." + target + "." + UUID.randomUUID() + ".tmp");
		Files.writeString(temporary, "half a file");
		Files.setLastModifiedTime(temporary, FileTime.from(Instant.now().minus(1, ChronoUnit.HOURS)));
		return temporary;
	}

	@Test
	void aStaleTemporaryOfTheTargetIsDeletedOnTheNextWrite() throws IOException {
		final Path stale = temporaryOf("rock.tif");
		final Path otherTarget = temporaryOf("sand.tif");
		AtomicFiles.writeString(dir.resolve("rock.tif"), "volume");
		assertFalse(Files.exists(stale), "the killed writer's temporary is gone");
		assertTrue(Files.exists(otherTarget), "another target's temporary is left to its own next write");
		assertEquals("volume", Files.readString(dir.resolve("rock.tif")));
	}

	@Test
	void aTemporaryThatAWriterStillHoldsIsKept() throws IOException {
		final Path live = temporaryOf("rock.physgen");
		try (FileChannel channel = FileChannel.open(live, StandardOpenOption.WRITE);
			FileLock lock = channel.lock())
		{
			AtomicFiles.writeString(dir.resolve("rock.physgen"), "model");
			assertTrue(Files.exists(live), "a live writer's temporary must not be deleted");
		}
	}

	@Test
	void aTemporaryJustCreatedIsKeptForItsWriterToLock() throws IOException {
		final Path starting = dir.resolve(".rock.tif." + UUID.randomUUID() + ".tmp");
		Files.writeString(starting, "");
		AtomicFiles.writeString(dir.resolve("rock.tif"), "volume");
		assertTrue(Files.exists(starting));
	}

	@Test
	void aFailedWriteLeavesTheEarlierFileAndNoTemporary() throws IOException {
		final Path file = dir.resolve("report.csv");
		AtomicFiles.writeString(file, "first");
		final IOException failure = assertThrows(IOException.class, () -> AtomicFiles.write(file, out -> {
			out.write("second, cut".getBytes(StandardCharsets.UTF_8));
			throw new IOException("disk full");
		}));
		assertEquals("disk full", failure.getMessage());
		assertEquals("first", Files.readString(file));
		assertEquals(List.of("report.csv"), names());
	}

	@Test
	void createNewNeverReplacesAFile() throws IOException {
		final Path file = dir.resolve("rock-1-1.tif");
		Files.writeString(file, "another run's volume");
		assertThrows(FileAlreadyExistsException.class, () -> AtomicFiles.createNew(file, out -> out.write(1)));
		assertEquals("another run's volume", Files.readString(file));
		assertEquals(List.of("rock-1-1.tif"), names());
	}

	@Test
	void createFreshPicksTheNextFreeName() throws IOException {
		final Path first = AtomicFiles.createFresh(dir, "rock-7-1", ".tif", out -> out.write('a'));
		final Path second = AtomicFiles.createFresh(dir, "rock-7-1", ".tif", out -> out.write('b'));
		assertEquals(dir.resolve("rock-7-1.tif").toAbsolutePath(), first);
		assertEquals(dir.resolve("rock-7-1_2.tif").toAbsolutePath(), second);
		assertEquals("a", Files.readString(first));
		assertEquals("b", Files.readString(second));
		assertEquals(List.of("rock-7-1.tif", "rock-7-1_2.tif"), names());
	}

	@Test
	void concurrentWritersOfOneNameEachGetTheirOwnFile() throws Exception {
		final int writers = 8;
		final ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			final List<Future<Path>> results = new ArrayList<>();
			for (int w = 0; w < writers; w++) {
				final byte mark = (byte) ('a' + w);
				results.add(pool.submit(() -> AtomicFiles.createFresh(dir, "rock-7-1", ".tif", out -> out.write(
					mark))));
			}
			final Set<Path> files = new HashSet<>();
			final Set<String> contents = new HashSet<>();
			for (final Future<Path> result : results) {
				final Path file = result.get();
				files.add(file);
				contents.add(Files.readString(file));
			}
			assertEquals(writers, files.size(), "distinct files " + files);
			assertEquals(writers, contents.size(), "each file holds its own writer's content");
			assertEquals(writers, names().size(), "no temporary left: " + names());
		}
		finally {
			pool.shutdown();
		}
	}
}
