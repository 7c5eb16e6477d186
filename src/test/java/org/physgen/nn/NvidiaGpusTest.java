package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvidiaGpusTest {

	@TempDir
	Path temp;

	@Test
	void noDriverFolderMeansNoGpu() {
		final NvidiaGpus gpus = NvidiaGpus.probe(temp.resolve("missing"));
		assertFalse(gpus.present());
		assertFalse(gpus.driver());
		assertEquals("no NVIDIA driver found (no folder " + temp.resolve("missing") + ")", gpus.describe());
	}

	@Test
	void anEmptyDriverFolderMeansNoGpu() {
		final NvidiaGpus gpus = NvidiaGpus.probe(temp);
		assertFalse(gpus.present());
		assertEquals("no NVIDIA GPU listed in " + temp, gpus.describe());
	}

	@Test
	void eachEntryOfTheDriverFolderIsAGpu() throws IOException {
		Files.createDirectories(temp.resolve("0000:41:00.0"));
		Files.createDirectories(temp.resolve("0000:01:00.0"));
		final NvidiaGpus gpus = NvidiaGpus.probe(temp);
		assertTrue(gpus.present());
		assertEquals(List.of("0000:01:00.0", "0000:41:00.0"), gpus.entries());
		assertEquals("2 NVIDIA GPU(s) in " + temp, gpus.describe());
	}
}
