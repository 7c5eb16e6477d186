package org.physgen.volume;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class HeapBudgetTest {

	@Test
	void voxelCountsOfExtremeEdgesDoNotOverflow() {
		assertEquals(1e15, HeapBudget.voxels(100_000, 100_000, 100_000));
		assertTrue(HeapBudget.voxels(Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MAX_VALUE) > Long.MAX_VALUE,
			"as a long this would have wrapped around");
	}

	@Test
	void aBoxThatNeedsMoreHeapThanThereIsIsRefusedWithTheEstimateAndACubeThatFits() {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> HeapBudget.require("work", 21, 100_000_000, 8, 8, "size"));
		final String message = e.getMessage();
		assertTrue(message.startsWith("work at 100000000 x 8 x 8 voxels needs about 125.2 GiB of Java heap, more " +
			"than the "), message);
		assertTrue(message.contains("PHYSGEN_JAVA_OPTS=-Xmx127g") && message.contains("Memory & Threads"), message);
		final Matcher edge = Pattern.compile("use size (\\d+) or less, which fits").matcher(message);
		assertTrue(edge.find(), message);
		final int fitting = Integer.parseInt(edge.group(1));
		assertDoesNotThrow(() -> HeapBudget.require("work", 21, fitting / 2, fitting / 2, fitting / 2, "size"));
		assertTrue(21 * Math.pow(fitting + 1, 3) > HeapBudget.available(), "the suggestion is the largest cube");
	}

	@Test
	void aVolumeBeingReadGetsNoSizeSuggestion() {
		final String message = assertThrows(IllegalArgumentException.class,
			() -> HeapBudget.require("reading rock.tif", 1, 100_000, 100_000, 100_000, null)).getMessage();
		assertTrue(message.contains("909.5 TiB") && !message.contains("or use"), message);
	}

	@Test
	void arraysLongerThanJavaAllowsAreRefusedWithAnEdgeThatFits() {
		final String volume = assertThrows(IllegalArgumentException.class, () -> HeapBudget.requireArrayLength(
			"sampling", 24, 3, "the rates", 512, 512, 512, "size")).getMessage();
		assertEquals("sampling at 512 x 512 x 512 voxels is too large: the rates would hold 3.22e+09 values, " +
			"more than the 2147483639 a Java array can hold; use size 447 or less", volume);
		assertTrue(24 * Math.pow(447, 3) <= HeapBudget.MAX_ARRAY_LENGTH && 24 * Math.pow(448, 3) >
			HeapBudget.MAX_ARRAY_LENGTH);
		final String slice = assertThrows(IllegalArgumentException.class, () -> HeapBudget.requireArrayLength(
			"field", 1, 2, "one z slice", 100_000, 100_000, 2, "size")).getMessage();
		assertTrue(slice.endsWith("use size 46340 or less"), slice);
		assertDoesNotThrow(() -> HeapBudget.requireArrayLength("field", 1, 2, "one z slice", 46_340, 46_340,
			100_000, "size"));
	}

	@Test
	void bytesAreWrittenInBinaryUnits() {
		assertEquals("512 MiB", HeapBudget.format(512L << 20));
		assertEquals("3.5 GiB", HeapBudget.format(7L << 29));
		assertEquals("2.0 TiB", HeapBudget.format(2.0 * (1L << 40)));
	}
}
