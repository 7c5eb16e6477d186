package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import ai.djl.pytorch.jni.LibUtils;

/**
 * Way 2 when the download cannot happen, end to end in a fresh JVM (the engine loads once per JVM):
 * the download allowed, a GPU faked, DJL's cache empty of the CUDA build and every HTTP(S)
 * connection sent to a proxy port that refuses it, so nothing leaves the machine.
 */
class DownloadFallbackTest {

	/** Settings of this JVM's environment that would change the child's choice. */
	private static final List<String> INHERITED = List.of(TorchLibrary.ENVIRONMENT, AllowDownload.ENVIRONMENT,
		"PYTORCH_LIBRARY_PATH", "PYTORCH_FLAVOR", "PYTORCH_VERSION", "DJL_OFFLINE", "DJL_CACHE_DIR",
		"ENGINE_CACHE_DIR");

	@TempDir
	Path temp;

	@Test
	void aFailedDownloadFallsBackToTheBundledCpuBuildWhichComputes() throws IOException, InterruptedException {
		assumeTrue(DjlRuntime.platform().equals(LibtorchChoice.CUDA_PLATFORM), "way 2 exists only on " +
			LibtorchChoice.CUDA_PLATFORM);
		final Path gpus = Files.createDirectories(temp.resolve("gpus/0000:01:00.0")).getParent();
		final Path cache = temp.resolve("djl");
		final List<Path> links = shareTheBundledBuild(cache.resolve("pytorch"));
		try {
			run(gpus, cache);
		}
		finally {
			for (final Path link : links) Files.delete(link);
		}
	}

	private void run(final Path gpus, final Path cache) throws IOException, InterruptedException {
		final Path output = temp.resolve("child.txt");
		final List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin",
			"java").toString(), "-cp", System.getProperty("java.class.path"), "-Dphysgen.allow_download=true",
			"-DDJL_CACHE_DIR=" + cache, "-DENGINE_CACHE_DIR=" + cache));
		for (final String scheme : List.of("http", "https")) {
			command.addAll(List.of("-D" + scheme + ".proxyHost=127.0.0.1", "-D" + scheme + ".proxyPort=9"));
		}
		command.addAll(List.of(DownloadFallbackChild.class.getName(), gpus.toString()));
		final ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(
			output.toFile());
		final Map<String, String> environment = builder.environment();
		INHERITED.forEach(environment::remove);
		final Process child = builder.start();
		final boolean ended = child.waitFor(120, TimeUnit.SECONDS);
		if (!ended) child.destroyForcibly().waitFor();
		final String out = Files.readString(output, StandardCharsets.UTF_8);
		assertTrue(ended, "the child did not end within 120 s:\n" + out);
		assertEquals(0, child.exitValue(), out);

		final List<String> log = out.lines().filter(line -> line.startsWith("log: ")).toList();
		assertEquals(3, log.size(), out);
		assertTrue(log.get(0).startsWith("log: DJL downloads the cu128 build of libtorch 2.7.1 (about 2 GB, " +
			"once) from publish.djl.ai into " + cache.resolve("pytorch/2.7.1-cu128-linux-x86_64")), log.get(0));
		assertTrue(log.get(1).startsWith("log: DJL's download of the cu128 build of libtorch 2.7.1 " +
			"(-Dphysgen.allow_download = true) failed: "), log.get(1));
		assertTrue(log.get(1).contains("Connection refused"), "refused by the proxy, not sent anywhere: " + log
			.get(1));
		assertTrue(log.get(1).endsWith("; running on the bundled CPU build"), log.get(1));
		assertTrue(log.get(2).startsWith("log: DJL PyTorch 2.7.1, bundled CPU build of libtorch 2.7.1 (loaded " +
			"from " + cache.resolve("pytorch")), log.get(2));
		assertTrue(out.contains("origin: BUNDLED\n"), out);
		assertTrue(out.contains("property PYTORCH_FLAVOR=null\n"), out);
		assertTrue(out.contains("property PYTORCH_VERSION=null\n"), out);
		assertTrue(out.contains("property ai.djl.offline=true\n"), out);
		assertTrue(out.contains("product: [19.0, 22.0, 43.0, 50.0]\n"), out);
		assertFalse(Files.exists(cache.resolve("pytorch/2.7.1-cu128-linux-x86_64")), "nothing downloaded");
	}

	/**
	 * Links the files of the bundled build this JVM unpacked into the child's cache, so that the
	 * child does not unpack 450 MB again; when this JVM runs on another libtorch the child unpacks.
	 *
	 * @return the links, to delete before JUnit deletes the folder (it warns about links)
	 */
	private static List<Path> shareTheBundledBuild(final Path cache) throws IOException {
		DjlRuntime.engine();
		if (!DjlRuntime.library().bundled()) return List.of();
		final Path unpacked = Path.of(LibUtils.getLibtorchPath());
		final Path copy = Files.createDirectories(cache.resolve(unpacked.getFileName()));
		final List<Path> links = new ArrayList<>();
		try (Stream<Path> files = Files.list(unpacked)) {
			for (final Path file : files.toList()) {
				links.add(Files.createSymbolicLink(copy.resolve(file.getFileName()), file.toAbsolutePath()));
			}
		}
		return links;
	}
}
