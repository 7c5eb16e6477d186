package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/**
 * glibc accepts every setting (mallopt answers 0 for a parameter it does not know or a value it
 * refuses, so wrong constants would show here), and saying so is what the engine's log line ends with.
 */
class NativeAllocatorTest {

	@Test
	void glibcAcceptsTheSettings() {
		assumeTrue(System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("linux"), "Linux only");
		final String expected = "glibc keeps freed native memory for reuse (no mmap per allocation, trim threshold "
			+ "1 GiB)";
		assertEquals(expected, NativeAllocator.keepFreedMemory());
		assertEquals(expected, NativeAllocator.keepFreedMemory(), "applying them again changes nothing");
	}
}
