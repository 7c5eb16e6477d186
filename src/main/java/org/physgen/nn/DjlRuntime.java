package org.physgen.nn;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import ai.djl.engine.Engine;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.pytorch.jni.LibUtils;

/**
 * The one entry point that prepares DJL before any other use in the process: which libtorch it
 * loads ({@link LibtorchChoice}), offline mode (off only while DJL downloads the CUDA build, when the
 * user allows it), no usage tracking, PyTorch intra-op and inter-op thread counts, and the thread
 * context class loader that lets DJL find its engine inside Fiji's plugin class loader.
 * <p>
 * PyTorch reads its thread counts only when the engine first loads, so only the first call in a
 * process decides them; later calls with another count say so and keep the first.
 */
public final class DjlRuntime {

	/** The engine every network of this package runs on. */
	public static final String ENGINE = "PyTorch";
	/** Inter-op parallelism: the networks run one operator at a time, so one thread suffices. */
	public static final int INTEROP_THREADS = 1;

	private static final String PYTORCH_VERSION = "2.7.1";
	private static final String DJL_VERSION = "0.35.1";

	/** CUDA flavours PyTorch 2.7.1 was built for; the JNI jar holds some of them. */
	private static final List<String> FLAVORS = List.of("cpu", "cu118", "cu126", "cu128");

	private static Integer appliedThreads;
	private static TorchLibrary loaded = TorchLibrary.BUNDLED;
	private static volatile String optionsLibtorch;
	private static volatile boolean optionsAllowDownload;

	private DjlRuntime() {}

	/**
	 * The default thread count: the cores less the ones other work keeps busy (the system load
	 * average, rounded), at least 1. PyTorch's OpenMP threads wait for each other at the end of
	 * every operation, so one thread that shares its core with another process holds all of them up:
	 * on 2 busy cores, 2 threads ran 7× slower than 1 (benchmarks/RESULTS.md, "Threads under load").
	 *
	 * @param loadAverage the system load average over the last minute, negative when unknown
	 */
	static int idleCores(final int cores, final double loadAverage) {
		if (!(loadAverage > 0)) return cores;
		return (int) Math.max(1, cores - Math.round(loadAverage));
	}

	/**
	 * The libtorch folder of Fiji's PhysGen options, used when neither {@value TorchLibrary#PROPERTY}
	 * nor {@value TorchLibrary#ENVIRONMENT} names one; it takes effect only before the engine loads.
	 */
	public static void setOptionsLibtorch(final String folder) {
		optionsLibtorch = folder;
	}

	/** The folder set by {@link #setOptionsLibtorch}, or null. */
	public static String optionsLibtorch() {
		return optionsLibtorch;
	}

	/**
	 * The download checkbox of Fiji's PhysGen options, used when neither {@value AllowDownload#PROPERTY}
	 * nor {@value AllowDownload#ENVIRONMENT} is set; it takes effect only before the engine loads.
	 */
	public static void setOptionsAllowDownload(final boolean allowed) {
		optionsAllowDownload = allowed;
	}

	/**
	 * Checks the settings that choose the libtorch without loading anything, so that a command can
	 * refuse a bad one in its own words before it reads a model file.
	 *
	 * @throws IllegalArgumentException naming the setting and its value
	 */
	public static void checkLibtorchSettings() {
		AllowDownload.select(System.getProperty(AllowDownload.PROPERTY), System.getenv(AllowDownload.ENVIRONMENT),
			optionsAllowDownload);
	}

	/** The checkbox set by {@link #setOptionsAllowDownload}. */
	public static boolean optionsAllowDownload() {
		return optionsAllowDownload;
	}

	/**
	 * Loads the engine once, from the first of: the installed libtorch a setting names
	 * ({@link TorchLibrary#select}); DJL's download of the CUDA build when {@link AllowDownload} allows
	 * it and the machine has an NVIDIA GPU ({@link LibtorchChoice}), falling back to the next when it
	 * fails; the bundled CPU build.
	 *
	 * @param threads intra-op threads, 0 for the cores not busy now (see {@link #idleCores})
	 * @param log receives a line on the first load (which libtorch, from where, threads, GPUs), a line
	 *          before that when the download was allowed but is not used or failed, and a line when a
	 *          later call cannot change the threads
	 * @return the intra-op thread count in effect
	 * @throws IllegalArgumentException when {@value AllowDownload#PROPERTY} or
	 *           {@value AllowDownload#ENVIRONMENT} is neither true nor false
	 */
	public static int start(final int threads, final Consumer<String> log) {
		return start(threads, log, Path.of(NvidiaGpus.DRIVER_FOLDER));
	}

	/** {@link #start(int, Consumer)} with the folder where the NVIDIA driver lists its GPUs. */
	static synchronized int start(final int threads, final Consumer<String> log, final Path nvidiaGpus) {
		if (threads < 0) {
			throw new IllegalArgumentException("threads must be 0 (all processors) or positive, got " +
				threads);
		}
		final int cores = Runtime.getRuntime().availableProcessors();
		final int wanted = threads == 0 ? idleCores(cores, ManagementFactory.getOperatingSystemMXBean()
			.getSystemLoadAverage()) : threads;
		if (appliedThreads != null) {
			if (threads != 0 && wanted != appliedThreads) {
				log.accept("threads stays " + appliedThreads + " (requested " + wanted +
					"): PyTorch fixes its thread count when the engine first loads; restart to change it");
			}
			return appliedThreads;
		}
		final TorchLibrary named = TorchLibrary.select(System.getProperty(TorchLibrary.PROPERTY), System
			.getenv(TorchLibrary.ENVIRONMENT), optionsLibtorch);
		named.requireJni(platform(), flavor -> DjlRuntime.class.getResource("/jnilib/" + platform() + "/" +
			flavor + "/" + System.mapLibraryName("djl_torch")) != null, FLAVORS);
		final AllowDownload allow = AllowDownload.select(System.getProperty(AllowDownload.PROPERTY), System
			.getenv(AllowDownload.ENVIRONMENT), optionsAllowDownload);
		final LibtorchChoice choice = LibtorchChoice.decide(named, allow, NvidiaGpus.probe(nvidiaGpus),
			platform());
		if (!choice.reason().isEmpty()) log.accept(choice.reason());
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("OPT_OUT_TRACKING", "true");
		System.setProperty("ai.djl.pytorch.num_threads", Integer.toString(wanted));
		System.setProperty("ai.djl.pytorch.num_interop_threads", Integer.toString(
			INTEROP_THREADS));
		TorchLibrary library = choice.library();
		Throwable downloadFailure = null;
		if (choice.way() == TorchLibrary.Origin.DOWNLOADED) {
			try {
				library = CudaDownload.load(library, platform(), DjlRuntime.class.getClassLoader(), System::getenv,
					log);
			}
			catch (final RuntimeException | LinkageError e) {
				log.accept("DJL's download of the " + library.flavor() + " build of libtorch " + library.version() +
					" (" + library.setting() + " = true) failed: " + causes(e) + "; running on the bundled CPU build");
				library = TorchLibrary.BUNDLED;
				downloadFailure = e;
			}
		}
		if (library.origin() != TorchLibrary.Origin.DOWNLOADED) load(library, downloadFailure);
		final Engine engine = Engine.getEngine(ENGINE);
		log.accept("DJL " + engine.getEngineName() + " " + engine.getVersion() + ", " + library.describe() +
			" (loaded from " + LibUtils.getLibtorchPath() + "), with " + wanted + " threads" + (threads == 0
				? " (the idle ones of " + cores + " cores)" : "") + " (inter-op " + INTEROP_THREADS + "), " + engine
					.getGpuCount() + " GPU(s); " + NativeAllocator.keepFreedMemory());
		appliedThreads = wanted;
		loaded = library;
		return wanted;
	}

	/** The messages of an exception and its causes, each once, for a one-line log. */
	static String causes(final Throwable error) {
		final List<String> messages = new ArrayList<>();
		for (Throwable t = error; t != null && messages.size() < 8; t = t.getCause()) {
			final String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
			if (messages.stream().noneMatch(m -> m.contains(message))) messages.add(message);
		}
		return String.join(": ", messages);
	}

	/** Loads the installed or the bundled library, DJL's offline way. */
	private static void load(final TorchLibrary library, final Throwable downloadFailure) {
		library.djlProperties().forEach(System::setProperty);
		final Thread thread = Thread.currentThread();
		final ClassLoader previous = thread.getContextClassLoader();
		thread.setContextClassLoader(DjlRuntime.class.getClassLoader());
		try {
			Engine.getEngine(ENGINE);
		}
		catch (final RuntimeException | UnsatisfiedLinkError e) {
			if (downloadFailure != null) e.addSuppressed(downloadFailure);
			if (!library.bundled()) {
				throw new IllegalStateException("PyTorch could not be loaded from the " + library.describe() +
					" on " + platform() + ": " + e.getMessage(), e);
			}
			throw new IllegalStateException("PyTorch could not be loaded on " + platform() + ": " +
				e.getMessage() + ". PhysGen runs offline and needs the native PyTorch library for this " +
				"platform on the classpath: put ai.djl.pytorch:pytorch-native-cpu:" + PYTORCH_VERSION +
				":" + platform() + " (or a CUDA build, pytorch-native-cuXXX) and ai.djl.pytorch:" +
				"pytorch-jni:" + PYTORCH_VERSION + "-" + DJL_VERSION + " into Fiji.app/jars " +
				"(target/dependency headless)", e);
		}
		finally {
			thread.setContextClassLoader(previous);
		}
	}

	/** DJL's platform name of this machine, as in the native jar's classifier. */
	static String platform() {
		final String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
		final String arch = System.getProperty("os.arch", "").toLowerCase(java.util.Locale.ROOT);
		final String system = os.startsWith("win") ? "win" : os.startsWith("mac") ? "osx" : "linux";
		final String cpu = arch.equals("aarch64") || arch.equals("arm64") ? "aarch64" : "x86_64";
		return system + "-" + cpu;
	}

	/**
	 * Turns PyTorch's gradient recording off on the calling thread. The mode is per thread and
	 * PyTorch switches it off only on the thread that loaded the engine; a gradient collector
	 * restores the mode it found, so without this an optimiser update on any other thread (a
	 * SciJava command thread) would be recorded as an in-place change of a weight that needs gradients.
	 */
	public static void recordNoGradientsOnThisThread() {
		engine();
		JniUtils.setGradMode(false);
	}

	/**
	 * The libtorch the engine runs on (installed, downloaded or bundled), loading the engine first when
	 * {@link #start} was not called.
	 */
	public static synchronized TorchLibrary library() {
		engine();
		return loaded;
	}

	/** The engine, loading it first with all processors when {@link #start} was not called. */
	public static Engine engine() {
		start(appliedThreadsOrDefault(), line -> {});
		return Engine.getEngine(ENGINE);
	}

	private static synchronized int appliedThreadsOrDefault() {
		return appliedThreads == null ? 0 : appliedThreads;
	}
}
