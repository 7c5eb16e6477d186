package org.physgen.nn;

import java.util.Locale;
import java.util.Map;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;

/**
 * Lets glibc's allocator keep and reuse the memory of libtorch's freed tensors instead of returning
 * it to the system after every operation.
 * <p>
 * By default glibc serves an allocation of 32 MiB or more (a 64³ activation of 32 channels) by a
 * fresh {@code mmap} and unmaps it when freed, and trims freed memory at the top of its heaps, so
 * every network operation touches new pages: about 4 million page faults and 7 s of system time in
 * the few network passes of {@code scripts/benchmark network} (one thread, PyTorch's own process
 * the same). With mmap off for allocations (arena heaps still grow and serve them), a 1 GiB trim
 * threshold and 64 MiB of top padding, the same passes took 20–30 % less time
 * (benchmarks/RESULTS.md, "glibc's allocator"). The price: up to the trim threshold of freed native
 * memory stays with the process until it ends.
 * <p>
 * What no setting inside the process can change: every thread but the process's first allocates
 * from a glibc arena of its own, made of heaps of at most 64 MiB, so a larger tensor (a 64³ feature
 * map of 64 channels) is mapped afresh on every allocation and unmapped when freed. Only the
 * environment of the process at its start can route all threads to the main heap
 * ({@code MALLOC_ARENA_MAX=1}, which PhysGen's scripts set; {@code mallopt(M_ARENA_MAX)} at run time
 * leaves threads in the arenas they already have): a 64³ forward pass of the default network then
 * took 17–25 % less time (benchmarks/RESULTS.md, "One glibc arena").
 */
public final class NativeAllocator {

	private static final String ARENA_VARIABLE = "MALLOC_ARENA_MAX";
	private static final String ARENA_TUNABLE = "glibc.malloc.arena_max=";

	/** mallopt parameters of glibc's malloc.h. */
	private static final int M_TRIM_THRESHOLD = -1;
	private static final int M_TOP_PAD = -2;
	private static final int M_MMAP_MAX = -4;

	static final int TRIM_THRESHOLD = 1 << 30;
	static final int TOP_PAD = 64 << 20;

	private NativeAllocator() {}

	/**
	 * Applies the settings above on Linux with glibc; elsewhere does nothing.
	 *
	 * @return one phrase for the log: what was set, or why nothing was
	 */
	public static String keepFreedMemory() {
		if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux")) {
			return "native allocator left as it is (not Linux)";
		}
		final Function mallopt;
		try {
			final NativeLibrary c = NativeLibrary.getInstance("c");
			c.getFunction("gnu_get_libc_version");
			mallopt = c.getFunction("mallopt");
		}
		catch (final UnsatisfiedLinkError e) {
			return "native allocator left as it is (not glibc: " + e.getMessage() + ")";
		}
		final boolean set = mallopt.invokeInt(new Object[] { M_MMAP_MAX, 0 }) == 1 && mallopt.invokeInt(
			new Object[] { M_TRIM_THRESHOLD, TRIM_THRESHOLD }) == 1 && mallopt.invokeInt(new Object[] { M_TOP_PAD,
				TOP_PAD }) == 1;
		return set ? "glibc keeps freed native memory for reuse (no mmap for blocks its heaps hold, trim threshold 1 GiB; " +
			arenas(System.getenv()) + ")" : "native allocator left as it is (glibc refused mallopt)";
	}

	/**
	 * @param environment the process's environment variables
	 * @return one phrase for the log: the arena limit the process started with, or how to set one
	 */
	static String arenas(final Map<String, String> environment) {
		final String variable = environment.getOrDefault(ARENA_VARIABLE, "").strip();
		if (!variable.isEmpty()) return ARENA_VARIABLE + "=" + variable;
		final String tunables = environment.getOrDefault("GLIBC_TUNABLES", "");
		final int at = tunables.indexOf(ARENA_TUNABLE);
		if (at >= 0) return "GLIBC_TUNABLES " + tunables.substring(at).split(":", 2)[0];
		return "one glibc arena per thread: start the JVM with " + ARENA_VARIABLE +
			"=1 for forward passes of the network up to 25 % shorter on the CPU";
	}
}
