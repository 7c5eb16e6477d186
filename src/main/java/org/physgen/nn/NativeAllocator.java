package org.physgen.nn;

import java.util.Locale;

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
 */
public final class NativeAllocator {

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
		return set ? "glibc keeps freed native memory for reuse (no mmap per allocation, trim threshold 1 GiB)"
			: "native allocator left as it is (glibc refused mallopt)";
	}
}
