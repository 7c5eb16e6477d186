package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

/**
 * glibc accepts every setting (mallopt answers 0 for a parameter it does not know or a value it
 * refuses, so wrong constants would show here), and saying so is what the engine's log line ends with,
 * together with the arena limit the process started with or how to set one.
 */
class NativeAllocatorTest {

	@Test
	void glibcAcceptsTheSettings() {
		assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
		final String expected = "glibc keeps freed native memory for reuse (no mmap for blocks its heaps hold, trim "
			+ "threshold 1 GiB; " + NativeAllocator.arenas(System.getenv()) + ")";
		assertEquals(expected, NativeAllocator.keepFreedMemory());
		assertEquals(expected, NativeAllocator.keepFreedMemory(), "applying them again changes nothing");
	}

	@Test
	void namesTheArenaLimitTheProcessStartedWith() {
		assertEquals("MALLOC_ARENA_MAX=1", NativeAllocator.arenas(Map.of("MALLOC_ARENA_MAX", " 1 ")));
		assertEquals("GLIBC_TUNABLES glibc.malloc.arena_max=2", NativeAllocator.arenas(Map.of("GLIBC_TUNABLES",
			"glibc.malloc.trim_threshold=1:glibc.malloc.arena_max=2:glibc.malloc.tcache_count=0")));
	}

	@Test
	void tellsHowToLimitTheArenasWhenNothingDoes() {
		for (final Map<String, String> environment : List.of(Map.<String, String> of(), Map.of("MALLOC_ARENA_MAX",
			" "), Map.of("GLIBC_TUNABLES", "glibc.malloc.trim_threshold=1")))
		{
			final String advice = NativeAllocator.arenas(environment);
			assertTrue(advice.contains("start the JVM with MALLOC_ARENA_MAX=1"), advice);
		}
	}
}
