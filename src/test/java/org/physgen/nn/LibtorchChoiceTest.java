package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.physgen.nn.TorchLibrary.Origin;

class LibtorchChoiceTest {

	private static final TorchLibrary INSTALLED = new TorchLibrary(Origin.INSTALLED, TorchLibrary.ENVIRONMENT,
		Path.of("/opt/torch/lib"), "2.7.1", "cu128", Path.of("/opt/torch/version.py"));
	private static final NvidiaGpus ONE_GPU = new NvidiaGpus(Path.of("/proc/driver/nvidia/gpus"), true, List.of(
		"0000:01:00.0"));
	private static final NvidiaGpus NO_DRIVER = new NvidiaGpus(Path.of("/proc/driver/nvidia/gpus"), false,
		List.of());
	private static final AllowDownload ALLOWED = new AllowDownload(true, AllowDownload.ENVIRONMENT);
	private static final AllowDownload FORBIDDEN = new AllowDownload(false, "-D" + AllowDownload.PROPERTY);

	/** Every combination of the four inputs, against the rule written out once more. */
	@Test
	void everyCombinationTakesTheWayOfTheRule() {
		for (final TorchLibrary named : List.of(INSTALLED, TorchLibrary.BUNDLED)) {
			for (final AllowDownload allow : List.of(AllowDownload.OFF, FORBIDDEN, ALLOWED)) {
				for (final NvidiaGpus gpus : List.of(ONE_GPU, NO_DRIVER)) {
					for (final String platform : List.of("linux-x86_64", "linux-aarch64", "osx-aarch64",
						"win-x86_64"))
					{
						final String inputs = named.describe() + ", " + allow + ", " + gpus + ", " + platform;
						final LibtorchChoice choice = LibtorchChoice.decide(named, allow, gpus, platform);
						final Origin expected = !named.bundled() ? Origin.INSTALLED : allow.allowed() && gpus
							.present() && platform.equals("linux-x86_64") ? Origin.DOWNLOADED : Origin.BUNDLED;
						assertEquals(expected, choice.way(), inputs);
						assertEquals(allow.allowed() && expected != Origin.DOWNLOADED, !choice.reason().isEmpty(),
							"a reason exactly when the download is allowed but not used: " + inputs + " -> " +
								choice.reason());
					}
				}
			}
		}
	}

	@Test
	void anInstalledLibtorchWinsAndSaysSoWhenTheDownloadIsAllowed() {
		final LibtorchChoice choice = LibtorchChoice.decide(INSTALLED, ALLOWED, ONE_GPU, "linux-x86_64");
		assertSame(INSTALLED, choice.library());
		assertEquals("PHYSGEN_ALLOW_DOWNLOAD = true is not used: the installed cu128 build of libtorch 2.7.1 at " +
			Path.of("/opt/torch/lib") + " named by PHYSGEN_LIBTORCH wins", choice.reason());
		assertEquals("", LibtorchChoice.decide(INSTALLED, AllowDownload.OFF, ONE_GPU, "linux-x86_64").reason());
	}

	@Test
	void theDownloadIsTakenWithAGpuOnLinuxX86AndNamesItsSetting() {
		final LibtorchChoice choice = LibtorchChoice.decide(TorchLibrary.BUNDLED, ALLOWED, ONE_GPU,
			"linux-x86_64");
		assertEquals(TorchLibrary.download(AllowDownload.ENVIRONMENT), choice.library());
		assertEquals("cu128", choice.library().flavor());
		assertEquals("", choice.reason());
	}

	@Test
	void withoutAGpuTheLogSaysWhyTheDownloadWasNotUsed() {
		assertEquals("PHYSGEN_ALLOW_DOWNLOAD = true, but DJL's download of the cu128 build of libtorch is not " +
			"used: no NVIDIA driver found (no folder " + Path.of("/proc/driver/nvidia/gpus") +
			"); running on the bundled CPU build", LibtorchChoice.decide(TorchLibrary.BUNDLED, ALLOWED, NO_DRIVER,
				"linux-x86_64").reason());
		final NvidiaGpus none = new NvidiaGpus(Path.of("/proc/driver/nvidia/gpus"), true, List.of());
		assertTrue(LibtorchChoice.decide(TorchLibrary.BUNDLED, ALLOWED, none, "linux-x86_64").reason().endsWith(
			"not used: no NVIDIA GPU listed in " + Path.of("/proc/driver/nvidia/gpus") +
				"; running on the bundled CPU build"));
	}

	@Test
	void onAnotherPlatformTheLogSaysWhereTheJniLibraryHasCuda() {
		final LibtorchChoice choice = LibtorchChoice.decide(TorchLibrary.BUNDLED, new AllowDownload(true,
			AllowDownload.OPTIONS), ONE_GPU, "win-x86_64");
		assertSame(TorchLibrary.BUNDLED, choice.library());
		assertEquals(AllowDownload.OPTIONS + " = true, but DJL's download of the cu128 build of libtorch is not " +
			"used: PhysGen's JNI library has CUDA only on linux-x86_64, this is win-x86_64; running on the " +
			"bundled CPU build", choice.reason());
	}
}
