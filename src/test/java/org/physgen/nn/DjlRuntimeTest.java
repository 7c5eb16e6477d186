package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class DjlRuntimeTest {

	@Test
	void firstCallDecidesTheThreadsAndLaterCallsSaySo() {
		final int applied = DjlRuntime.start(0, line -> {});
		assertTrue(applied >= 1);
		assertEquals(Integer.toString(applied), System.getProperty("ai.djl.pytorch.num_threads"));
		assertEquals("1", System.getProperty("ai.djl.pytorch.num_interop_threads"));
		assertEquals("true", System.getProperty("ai.djl.offline"));
		assertEquals("true", System.getProperty("OPT_OUT_TRACKING"));
		final List<String> lines = new ArrayList<>();
		assertEquals(applied, DjlRuntime.start(applied, lines::add));
		assertTrue(lines.isEmpty(), lines.toString());
		assertEquals(applied, DjlRuntime.start(0, lines::add));
		assertTrue(lines.isEmpty(), "the default takes what is in effect: " + lines);
		assertEquals(applied, DjlRuntime.start(applied + 1, lines::add));
		assertEquals(1, lines.size());
		assertTrue(lines.get(0).contains("threads stays " + applied), lines.get(0));
		assertEquals(DjlRuntime.ENGINE, DjlRuntime.engine().getEngineName());
	}

	@Test
	void theDefaultLeavesTheCoresThatOtherWorkKeepsBusy() {
		assertEquals(8, DjlRuntime.idleCores(8, -1), "load average unknown");
		assertEquals(8, DjlRuntime.idleCores(8, 0.3));
		assertEquals(6, DjlRuntime.idleCores(8, 1.6));
		assertEquals(1, DjlRuntime.idleCores(2, 2.05), "two busy processes on two cores");
		assertEquals(1, DjlRuntime.idleCores(2, 9.0), "never fewer than one");
	}

	@Test
	void aFailureIsLoggedWithTheMessagesOfItsCausesEachOnce() {
		final Exception wrapped = new IllegalStateException("Failed to save pytorch index file",
			new java.net.ConnectException("Connection refused"));
		assertEquals("Failed to save pytorch index file: Connection refused", DjlRuntime.causes(wrapped));
		final Exception repeated = new RuntimeException("java.io.IOException: disk full", new java.io.IOException(
			"disk full"));
		assertEquals("java.io.IOException: disk full", DjlRuntime.causes(repeated));
		assertEquals("UnsatisfiedLinkError", DjlRuntime.causes(new UnsatisfiedLinkError()));
	}

	@Test
	void negativeThreadsAreRefused() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> DjlRuntime.start(-2, line -> {}));
		assertTrue(e.getMessage().startsWith("threads") && e.getMessage().contains("-2"));
	}
}
