package org.physgen.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which libtorch DJL loads: the CPU build bundled with PhysGen, the CUDA build DJL downloads into
 * its cache when the user allows it ({@link AllowDownload}), or one already installed on the
 * machine (for a GPU, typically the {@code torch/lib} folder of a PyTorch 2.7.1 CUDA installation,
 * or an unpacked libtorch 2.7.1 archive's {@code lib} folder). The installed one is named by the
 * environment variable {@value #ENVIRONMENT}, the system property {@value #PROPERTY} (which wins),
 * or Fiji's PhysGen options. Its version and flavour are read from the installation itself
 * ({@code build-version} of a libtorch archive, {@code version.py} of a PyTorch installation) and
 * checked against PhysGen's JNI library before anything native is loaded, since a libtorch of
 * another version crashes the JVM when the JNI calls into it.
 *
 * @param origin which of the three ways this library comes
 * @param setting where the folder was named ({@code PHYSGEN_LIBTORCH}, ...) or the download allowed
 *          ({@code PHYSGEN_ALLOW_DOWNLOAD}, ...), or null for the bundled build
 * @param folder the folder holding the libtorch shared library; null for the bundled build, and for
 *          a download before DJL has named its cache folder
 * @param version libtorch version, e.g. {@code 2.7.1}
 * @param flavor {@code cpu} or a CUDA flavour such as {@code cu128}
 * @param versionSource the file the version was read from, or null unless installed
 */
public record TorchLibrary(Origin origin, String setting, Path folder, String version, String flavor,
	Path versionSource)
{

	/** The three ways PhysGen gets a libtorch, in the order it prefers them. */
	public enum Origin {
		/** A libtorch installed on the machine, named by a setting. */
		INSTALLED,
		/** The CUDA build DJL downloads once into its cache, when the user allows it. */
		DOWNLOADED,
		/** The CPU build in PhysGen's pytorch-native-cpu jar. */
		BUNDLED
	}

	/** Environment variable naming an installed libtorch folder. */
	public static final String ENVIRONMENT = "PHYSGEN_LIBTORCH";
	/** System property naming an installed libtorch folder; wins over {@link #ENVIRONMENT}. */
	public static final String PROPERTY = "physgen.libtorch";
	/** The libtorch version PhysGen's JNI library (pytorch-jni 2.7.1-0.35.1) is built against. */
	public static final String REQUIRED_VERSION = "2.7.1";

	/** The CPU build of the pytorch-native-cpu jar. */
	public static final TorchLibrary BUNDLED = new TorchLibrary(Origin.BUNDLED, null, null, REQUIRED_VERSION,
		"cpu", null);
	/** The CUDA flavour PhysGen's JNI library has on Linux x86-64, the one DJL is asked to download. */
	public static final String DOWNLOAD_FLAVOR = "cu128";

	/** How to get the build the JNI library has for a GPU. */
	private static final String INSTALL = "for a GPU, install PyTorch " + REQUIRED_VERSION +
		" with CUDA 12.8 (pip install torch==" + REQUIRED_VERSION +
		" --index-url https://download.pytorch.org/whl/cu128)";

	private static final Pattern VERSION = Pattern.compile("(\\d+\\.\\d+\\.\\d+)(?:[a-z0-9.]*)?(?:\\+(\\w+))?");
	private static final Pattern PYTHON_VERSION = Pattern.compile("__version__\\s*=\\s*['\"]([^'\"]+)['\"]");
	private static final Pattern PYTHON_CUDA = Pattern.compile("(?m)^cuda\\b[^=]*=\\s*['\"](\\d+)\\.(\\d+)['\"]");

	/** Whether this is the CPU build bundled with PhysGen. */
	public boolean bundled() {
		return origin == Origin.BUNDLED;
	}

	/**
	 * The {@value #DOWNLOAD_FLAVOR} build DJL is to download (or find in its cache), before it has
	 * loaded.
	 *
	 * @param setting where the download was allowed, for the log
	 */
	public static TorchLibrary download(final String setting) {
		return new TorchLibrary(Origin.DOWNLOADED, setting, null, REQUIRED_VERSION, DOWNLOAD_FLAVOR, null);
	}

	/**
	 * The library named by {@code settings} (property {@value #PROPERTY}, else environment
	 * {@value #ENVIRONMENT}, else {@code optionsFolder}), checked; {@link #BUNDLED} when none names
	 * one.
	 *
	 * @param property the system property's value, or null
	 * @param environment the environment variable's value, or null
	 * @param optionsFolder Fiji's PhysGen options field, or null
	 * @throws IllegalStateException naming the setting, the folder and what is wrong: no such folder,
	 *           no libtorch in it, no version found, another version than {@value #REQUIRED_VERSION},
	 *           or a flavour PhysGen's JNI library is not built for
	 */
	public static TorchLibrary select(final String property, final String environment,
		final String optionsFolder)
	{
		final String setting;
		final String value;
		if (present(property)) {
			setting = "-D" + PROPERTY;
			value = property;
		}
		else if (present(environment)) {
			setting = ENVIRONMENT;
			value = environment;
		}
		else if (present(optionsFolder)) {
			setting = "the libtorch folder of Edit > Options > PhysGen";
			value = optionsFolder;
		}
		else {
			return BUNDLED;
		}
		return installed(setting, Path.of(value.trim()));
	}

	private static boolean present(final String value) {
		return value != null && !value.isBlank();
	}

	private static TorchLibrary installed(final String setting, final Path folder) {
		final String where = setting + " = " + folder;
		if (!Files.isDirectory(folder)) {
			throw new IllegalStateException(where + ": no such folder; name the folder that holds " +
				System.mapLibraryName("torch") + " of a libtorch " + REQUIRED_VERSION + " installation (" +
				INSTALL + ")");
		}
		final String library = System.mapLibraryName("torch");
		if (!Files.isRegularFile(folder.resolve(library))) {
			throw new IllegalStateException(where + ": the folder has no " + library + "; name the " +
				"folder that holds it (torch/lib of a PyTorch installation, lib of a libtorch archive)");
		}
		final List<Path> candidates = versionFiles(folder);
		for (final Path file : candidates) {
			if (!Files.isRegularFile(file)) continue;
			final String text = read(file);
			final String raw = file.getFileName().toString().equals("version.py") ? pythonVersion(text)
				: text.trim();
			final Matcher m = raw == null ? null : VERSION.matcher(raw);
			if (m == null || !m.matches()) {
				throw new IllegalStateException(where + ": cannot read a libtorch version in " + file);
			}
			if (!m.group(1).equals(REQUIRED_VERSION)) {
				throw new IllegalStateException(where + " holds libtorch " + raw + " (read from " + file +
					"), but PhysGen's JNI library needs libtorch " + REQUIRED_VERSION + ": " + INSTALL +
					", and name its torch/lib folder");
			}
			final String flavor = m.group(2) != null ? m.group(2) : cudaOfPython(text);
			return new TorchLibrary(Origin.INSTALLED, setting, folder.toAbsolutePath(), m.group(1), flavor, file);
		}
		throw new IllegalStateException(where + ": cannot tell the libtorch version; looked for " +
			String.join(" and ", candidates.stream().map(Path::toString).toList()));
	}

	/** build-version beside lib (libtorch archive), version.py beside lib (PyTorch's torch folder). */
	private static List<Path> versionFiles(final Path folder) {
		final List<Path> files = new ArrayList<>();
		final Path parent = folder.toAbsolutePath().getParent();
		files.add(folder.resolve("build-version"));
		if (parent != null) {
			files.add(parent.resolve("build-version"));
			files.add(parent.resolve("version.py"));
		}
		return files;
	}

	/** A PyTorch version.py without a flavour suffix names its CUDA version apart, or none (cpu). */
	private static String cudaOfPython(final String text) {
		final Matcher m = PYTHON_CUDA.matcher(text);
		return m.find() ? "cu" + m.group(1) + m.group(2) : "cpu";
	}

	private static String pythonVersion(final String text) {
		final Matcher m = PYTHON_VERSION.matcher(text);
		return m.find() ? m.group(1) : null;
	}

	private static String read(final Path file) {
		try {
			return Files.readString(file, StandardCharsets.UTF_8);
		}
		catch (final IOException e) {
			throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
		}
	}

	/**
	 * Checks that PhysGen's JNI library exists for this flavour on this platform.
	 *
	 * @param platform DJL's platform name, e.g. {@code linux-x86_64}
	 * @param jniExists whether {@code jnilib/PLATFORM/FLAVOR/} holds the JNI library, per flavour
	 * @param knownFlavors the flavours to name when this one has none
	 * @throws IllegalStateException naming the flavour, the platform and the flavours there are
	 */
	public void requireJni(final String platform, final Predicate<String> jniExists,
		final List<String> knownFlavors)
	{
		if (origin != Origin.INSTALLED || jniExists.test(flavor)) return;
		final List<String> available = knownFlavors.stream().filter(jniExists).toList();
		throw new IllegalStateException(setting + " = " + folder + " is the " + flavor + " build of libtorch, but " +
			"PhysGen's JNI library (pytorch-jni " + REQUIRED_VERSION + ") exists on " + platform +
			" only for " + (available.isEmpty() ? "no flavour" : String.join(", ", available)) +
			": " + INSTALL);
	}

	/**
	 * The settings DJL's PyTorch engine reads (as system properties) to load this library; for a
	 * download only the flavour, since DJL's download needs the other two unset (see
	 * {@link CudaDownload}).
	 */
	public Map<String, String> djlProperties() {
		return switch (origin) {
			case BUNDLED -> Map.of();
			case DOWNLOADED -> Map.of("PYTORCH_FLAVOR", flavor);
			case INSTALLED -> Map.of("PYTORCH_LIBRARY_PATH", folder.toString(), "PYTORCH_VERSION", version,
				"PYTORCH_FLAVOR", flavor);
		};
	}

	/**
	 * One phrase for the log: {@code bundled CPU build of libtorch 2.7.1}, {@code installed cu128
	 * build of libtorch 2.7.1 at ...} or {@code downloaded cu128 build of libtorch 2.7.1 in DJL's
	 * cache at ...}.
	 */
	public String describe() {
		final String build = flavor + " build of libtorch " + version;
		return switch (origin) {
			case BUNDLED -> "bundled CPU build of libtorch " + version;
			case INSTALLED -> "installed " + build + " at " + folder;
			case DOWNLOADED -> "downloaded " + build + " in DJL's cache" + (folder == null ? "" : " at " +
				folder);
		};
	}
}
