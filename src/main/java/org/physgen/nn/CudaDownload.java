package org.physgen.nn;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.LibUtils;
import ai.djl.util.Utils;

/**
 * One attempt to have DJL load a CUDA build of libtorch from its cache, downloading it there first
 * when the cache lacks it (from publish.djl.ai, about 2 GB, once).
 * <p>
 * DJL 0.35.1 downloads only when it finds no {@value ResourceHidingClassLoader#PYTORCH_NATIVE_PROPERTIES}
 * among the resources of the thread's context class loader: the bundled CPU jar has one that matches
 * every system, so the attempt hides it. It also needs offline mode off, the flavour set, and neither
 * a library path nor a version override. DJL reads the environment before the system properties,
 * so an environment variable that says otherwise makes the attempt fail before it starts.
 * <p>
 * A failed engine load leaves DJL's engine unset, so the caller can load the bundled build next in
 * the same JVM; every property the attempt changed is then as it was.
 */
final class CudaDownload {

	/** DJL's setting of offline mode; the attempt turns it off only while DJL loads. */
	static final String OFFLINE = "ai.djl.offline";

	/** A flavour in DJL's download folder names; the bundled build's folder has a date before it. */
	private static final Pattern FLAVOR = Pattern.compile("(cpu|cu\\d+)(-precxx11)?");

	private CudaDownload() {}

	/**
	 * The settings DJL reads while loading and the value the attempt needs for each, null for unset.
	 *
	 * @param flavor the CUDA flavour to ask for, e.g. {@code cu128}
	 */
	static Map<String, String> settings(final String flavor) {
		final Map<String, String> settings = new LinkedHashMap<>();
		settings.put("PYTORCH_FLAVOR", flavor);
		settings.put("PYTORCH_VERSION", null);
		settings.put("PYTORCH_LIBRARY_PATH", null);
		settings.put(OFFLINE, "false");
		return settings;
	}

	/**
	 * The environment variable that would override a setting the attempt needs, as {@code NAME=value},
	 * or null when none does. DJL reads {@code DJL_OFFLINE} for {@value #OFFLINE}.
	 */
	static String overridingEnvironment(final String flavor, final Function<String, String> environment) {
		for (final Map.Entry<String, String> setting : settings(flavor).entrySet()) {
			final String name = setting.getKey().equals(OFFLINE) ? "DJL_OFFLINE" : setting.getKey();
			final String value = environment.apply(name);
			if (value == null || value.isEmpty()) continue;
			if (setting.getValue() == null || !setting.getValue().equals(value.trim().toLowerCase(Locale.ROOT))) {
				return name + "=" + value;
			}
		}
		return null;
	}

	/**
	 * Loads the engine from DJL's download.
	 *
	 * @param download the library asked for ({@link TorchLibrary#download})
	 * @param platform DJL's platform name, e.g. {@code linux-x86_64}
	 * @param classes the class loader DJL's engine is found through; the attempt hides one resource of it
	 * @param environment the process environment, by name
	 * @param log receives one line before DJL loads: whether it downloads or finds the build in its cache
	 * @return the library as loaded, with DJL's cache folder
	 * @throws RuntimeException or {@link LinkageError} when DJL cannot download or load it; the
	 *           properties are then as they were before the call
	 */
	static TorchLibrary load(final TorchLibrary download, final String platform, final ClassLoader classes,
		final Function<String, String> environment, final Consumer<String> log)
	{
		final String overriding = overridingEnvironment(download.flavor(), environment);
		if (overriding != null) {
			throw new IllegalStateException("the environment variable " + overriding +
				" overrides what DJL's download needs; unset it");
		}
		final Path folder = Utils.getEngineCacheDir("pytorch").resolve(download.version() + "-" + download
			.flavor() + "-" + platform);
		log.accept(Files.isRegularFile(folder.resolve(System.mapLibraryName("torch")))
			? "loading the " + download.flavor() + " build of libtorch " + download.version() +
				" that DJL downloaded before, from " + folder
			: "DJL downloads the " + download.flavor() + " build of libtorch " + download.version() +
				" (about 2 GB, once) from publish.djl.ai into " + folder + " (" + download.setting() +
				" = true)");
		final Map<String, String> previous = new HashMap<>();
		settings(download.flavor()).forEach((name, value) -> {
			previous.put(name, System.getProperty(name));
			set(name, value);
		});
		final Thread thread = Thread.currentThread();
		final ClassLoader context = thread.getContextClassLoader();
		thread.setContextClassLoader(new ResourceHidingClassLoader(classes,
			ResourceHidingClassLoader.PYTORCH_NATIVE_PROPERTIES));
		boolean loaded = false;
		try {
			Engine.getEngine(DjlRuntime.ENGINE);
			final TorchLibrary library = asLoaded(download, Path.of(LibUtils.getLibtorchPath()), platform);
			loaded = true;
			return library;
		}
		finally {
			thread.setContextClassLoader(context);
			if (loaded) set(OFFLINE, previous.get(OFFLINE));
			else previous.forEach(CudaDownload::set);
		}
	}

	/**
	 * The download with the folder DJL loaded it from, whose name is {@code VERSION-FLAVOR-PLATFORM};
	 * DJL takes a lower CUDA flavour (or the CPU build) when the one asked for is not published.
	 *
	 * @throws IllegalStateException when the folder is not one of DJL's downloads of this version
	 *           (an engine already loaded before the attempt)
	 */
	static TorchLibrary asLoaded(final TorchLibrary download, final Path folder, final String platform) {
		final String name = folder.getFileName() == null ? "" : folder.getFileName().toString();
		final String prefix = download.version() + "-";
		final String suffix = "-" + platform;
		final String flavor = name.startsWith(prefix) && name.endsWith(suffix) && name.length() > prefix
			.length() + suffix.length() ? name.substring(prefix.length(), name.length() - suffix.length()) : "";
		if (!FLAVOR.matcher(flavor).matches()) {
			throw new IllegalStateException("DJL loaded libtorch from " + folder + ", which is not its download " +
				"of libtorch " + download.version() + " for " + platform + " (was the engine loaded before?)");
		}
		return new TorchLibrary(TorchLibrary.Origin.DOWNLOADED, download.setting(), folder.toAbsolutePath(),
			download.version(), flavor, null);
	}

	private static void set(final String name, final String value) {
		if (value == null) System.clearProperty(name);
		else System.setProperty(name, value);
	}
}
