package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchLibraryTest {

	private static final String LIBRARY = System.mapLibraryName("torch");

	@TempDir
	Path temp;

	/** A PyTorch installation's torch folder: lib/libtorch and version.py beside lib. */
	private Path pytorch(final String versionPy) throws IOException {
		final Path lib = Files.createDirectories(temp.resolve("torch/lib"));
		Files.writeString(lib.resolve(LIBRARY), "not a library");
		Files.writeString(temp.resolve("torch/version.py"), versionPy);
		return lib;
	}

	private static IllegalStateException refused(final String property, final String environment) {
		return assertThrows(IllegalStateException.class, () -> TorchLibrary.select(property, environment,
			null));
	}

	@Test
	void withoutASettingTheBundledCpuBuildIsUsed() {
		assertSame(TorchLibrary.BUNDLED, TorchLibrary.select(null, " ", ""));
		assertTrue(TorchLibrary.BUNDLED.djlProperties().isEmpty());
	}

	@Test
	void aPyTorchInstallationGivesItsVersionAndCudaFlavourToDjl() throws IOException {
		final Path lib = pytorch("__version__ = '2.7.1+cu128'\ngit_version = 'abc'\n");
		final TorchLibrary library = TorchLibrary.select(null, lib.toString(), null);
		assertEquals("2.7.1", library.version());
		assertEquals("cu128", library.flavor());
		assertEquals(Map.of("PYTORCH_LIBRARY_PATH", lib.toAbsolutePath().toString(), "PYTORCH_VERSION", "2.7.1",
			"PYTORCH_FLAVOR", "cu128"), library.djlProperties());
		assertTrue(library.describe().contains("installed cu128 build of libtorch 2.7.1"), library.describe());
	}

	@Test
	void aVersionWithoutSuffixTakesTheCudaLineOfVersionPy() throws IOException {
		final Path lib = pytorch("__version__ = '2.7.1'\ncuda: Optional[str] = '12.8'\n");
		assertEquals("cu128", TorchLibrary.select(lib.toString(), null, null).flavor());
		Files.writeString(temp.resolve("torch/version.py"), "__version__ = '2.7.1'\ncuda = None\n");
		assertEquals("cpu", TorchLibrary.select(lib.toString(), null, null).flavor());
	}

	@Test
	void aLibtorchArchiveIsReadFromItsBuildVersion() throws IOException {
		final Path lib = Files.createDirectories(temp.resolve("libtorch/lib"));
		Files.writeString(lib.resolve(LIBRARY), "x");
		Files.writeString(temp.resolve("libtorch/build-version"), "2.7.1+cu128\n");
		final TorchLibrary library = TorchLibrary.select(null, null, lib.toString());
		assertEquals("cu128", library.flavor());
		assertEquals(temp.resolve("libtorch/build-version"), library.versionSource());
	}

	@Test
	void thePropertyWinsOverTheEnvironment() throws IOException {
		final Path lib = pytorch("__version__ = '2.7.1+cu128'\n");
		final IllegalStateException error = refused(temp.resolve("elsewhere").toString(), lib.toString());
		assertTrue(error.getMessage().contains("-D" + TorchLibrary.PROPERTY), error.getMessage());
		assertTrue(error.getMessage().contains("no such folder"), error.getMessage());
		assertTrue(error.getMessage().contains("libtorch 2.7.1"), error.getMessage());
	}

	@Test
	void anotherVersionIsRefusedNamingTheOneNeededAndWhereItWasRead() throws IOException {
		final Path lib = pytorch("__version__ = '2.11.0+cu130'\n");
		final IllegalStateException error = refused(null, lib.toString());
		final String message = error.getMessage();
		assertTrue(message.contains(TorchLibrary.ENVIRONMENT), message);
		assertTrue(message.contains("2.11.0+cu130"), message);
		assertTrue(message.contains("needs libtorch 2.7.1"), message);
		assertTrue(message.contains(temp.resolve("torch/version.py").toString()), message);
	}

	@Test
	void aFolderWithoutLibtorchOrWithoutAVersionIsRefused() throws IOException {
		final Path empty = Files.createDirectories(temp.resolve("empty"));
		assertTrue(refused(empty.toString(), null).getMessage().contains("has no " + LIBRARY));
		Files.writeString(empty.resolve(LIBRARY), "x");
		final String message = refused(empty.toString(), null).getMessage();
		assertTrue(message.contains("cannot tell the libtorch version"), message);
		assertTrue(message.contains("build-version"), message);
	}

	@Test
	void aFlavourWithoutPhysGensJniLibraryIsRefusedNamingTheOnesThereAre() throws IOException {
		final TorchLibrary library = TorchLibrary.select(null, pytorch("__version__ = '2.7.1+cu126'\n")
			.toString(), null);
		final IllegalStateException error = assertThrows(IllegalStateException.class, () -> library
			.requireJni("linux-x86_64", flavor -> flavor.equals("cpu") || flavor.equals("cu128"), List.of(
				"cpu", "cu126", "cu128")));
		assertTrue(error.getMessage().contains(TorchLibrary.ENVIRONMENT + " = "), error.getMessage());
		assertTrue(error.getMessage().contains("cu126 build"), error.getMessage());
		assertTrue(error.getMessage().contains("whl/cu128"), error.getMessage());
		assertTrue(error.getMessage().contains("only for cpu, cu128"), error.getMessage());
		TorchLibrary.BUNDLED.requireJni("linux-x86_64", flavor -> false, List.of());
	}

	/** The JNI library PhysGen ships has the CPU and the CUDA 12.8 flavour on Linux x86-64. */
	@Test
	void theShippedJniJarHoldsTheCpuAndCuda128Flavours() {
		for (final String flavor : List.of("cpu", "cu128")) {
			assertTrue(DjlRuntime.class.getResource("/jnilib/linux-x86_64/" + flavor + "/libdjl_torch.so") != null,
				flavor);
		}
	}
}
