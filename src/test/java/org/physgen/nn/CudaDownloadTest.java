package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.physgen.nn.TorchLibrary.Origin;

class CudaDownloadTest {

	private static final TorchLibrary DOWNLOAD = TorchLibrary.download(AllowDownload.ENVIRONMENT);

	@Test
	void aDownloadAsksDjlForTheCu128FlavourOnly() {
		assertEquals(Origin.DOWNLOADED, DOWNLOAD.origin());
		assertEquals(false, DOWNLOAD.bundled());
		assertEquals(Map.of("PYTORCH_FLAVOR", "cu128"), DOWNLOAD.djlProperties());
		assertEquals("downloaded cu128 build of libtorch 2.7.1 in DJL's cache", DOWNLOAD.describe());
	}

	@Test
	void theLoadedFolderGivesTheFlavourDjlTook() {
		final Path cache = Path.of("/home/u/.djl.ai/pytorch");
		final TorchLibrary cu128 = CudaDownload.asLoaded(DOWNLOAD, cache.resolve("2.7.1-cu128-linux-x86_64"),
			"linux-x86_64");
		assertEquals("cu128", cu128.flavor());
		assertEquals("downloaded cu128 build of libtorch 2.7.1 in DJL's cache at " + cache.resolve(
			"2.7.1-cu128-linux-x86_64"), cu128.describe());
		assertEquals("cu126", CudaDownload.asLoaded(DOWNLOAD, cache.resolve("2.7.1-cu126-linux-x86_64"),
			"linux-x86_64").flavor());
		assertEquals("cpu", CudaDownload.asLoaded(DOWNLOAD, cache.resolve("2.7.1-cpu-linux-x86_64"),
			"linux-x86_64").flavor(), "DJL downloads the CPU build when no CUDA flavour fits");
	}

	@Test
	void anEngineLoadedFromElsewhereIsNotCalledADownload() {
		for (final String folder : List.of("2.7.1-20250812-cpu-linux-x86_64", "2.5.1-cu124-linux-x86_64",
			"2.7.1-cu128-linux-aarch64", "lib"))
		{
			final IllegalStateException e = assertThrows(IllegalStateException.class, () -> CudaDownload.asLoaded(
				DOWNLOAD, Path.of("/x").resolve(folder), "linux-x86_64"));
			assertTrue(e.getMessage().contains("not its download of libtorch 2.7.1 for linux-x86_64"), e
				.getMessage());
		}
	}

	@Test
	void anEnvironmentVariableThatContradictsTheDownloadIsNamed() {
		assertNull(CudaDownload.overridingEnvironment("cu128", name -> null));
		assertNull(CudaDownload.overridingEnvironment("cu128", Map.of("PYTORCH_FLAVOR", "cu128", "DJL_OFFLINE",
			"false")::get));
		assertEquals("DJL_OFFLINE=true", CudaDownload.overridingEnvironment("cu128", Map.of("DJL_OFFLINE",
			"true")::get));
		assertEquals("PYTORCH_FLAVOR=cpu", CudaDownload.overridingEnvironment("cu128", Map.of("PYTORCH_FLAVOR",
			"cpu")::get));
		assertEquals("PYTORCH_VERSION=2.5.1", CudaDownload.overridingEnvironment("cu128", Map.of(
			"PYTORCH_VERSION", "2.5.1")::get));
		assertEquals("PYTORCH_LIBRARY_PATH=/opt/lib", CudaDownload.overridingEnvironment("cu128", Map.of(
			"PYTORCH_LIBRARY_PATH", "/opt/lib")::get));
	}

	/** The check comes before anything is changed or loaded, so this runs in the test JVM. */
	@Test
	void anOverridingEnvironmentFailsTheAttemptAndChangesNoProperty() {
		final String flavor = System.getProperty("PYTORCH_FLAVOR");
		final String offline = System.getProperty(CudaDownload.OFFLINE);
		final List<String> lines = new ArrayList<>();
		final IllegalStateException e = assertThrows(IllegalStateException.class, () -> CudaDownload.load(DOWNLOAD,
			"linux-x86_64", getClass().getClassLoader(), Map.of("DJL_OFFLINE", "true")::get, lines::add));
		assertEquals("the environment variable DJL_OFFLINE=true overrides what DJL's download needs; unset it", e
			.getMessage());
		assertTrue(lines.isEmpty(), lines.toString());
		assertEquals(flavor, System.getProperty("PYTORCH_FLAVOR"));
		assertEquals(offline, System.getProperty(CudaDownload.OFFLINE));
	}
}
