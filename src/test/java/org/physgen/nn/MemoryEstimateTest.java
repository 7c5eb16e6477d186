package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

	private final NetworkConfig standard = NetworkConfig.standard(1, 6, 0, true);

	@Test
	void growsWithBatchAndSize() {
		final long base = MemoryEstimate.trainingBytes(standard, 2, 32);
		assertTrue(MemoryEstimate.trainingBytes(standard, 4, 32) > base);
		assertTrue(MemoryEstimate.trainingBytes(standard, 2, 48) > base);
		assertTrue(MemoryEstimate.inferenceBytes(standard, 2, 32) < base);
		assertTrue(MemoryEstimate.inferenceBytes(standard, 2, 64) > MemoryEstimate.inferenceBytes(
			standard, 1, 64));
		final long attention = MemoryEstimate.trainingBytes(standard.withAttention(true), 2, 32);
		assertTrue(attention > base);
	}

	@Test
	void parameterCountMatchesAHandCount() {
		// one level of width 4, one residual block, embedding width 16, sinusoid features 4
		final NetworkConfig c = new NetworkConfig(1, 1, 4, java.util.List.of(1), 1, 2, 0, false, 0,
			false);
		final long embedding = (4 * 16 + 16) + (16 * 16 + 16);
		final long inputConv = 4 * 27 + 4;
		// norm1, conv1, embedding projection to a scale and a shift per channel, norm2, conv2
		final long block4to4 = 2 * 4 + (4 * 4 * 27 + 4) + 2 * (16 * 4 + 4) + 2 * 4 + (4 * 4 * 27 + 4);
		// decoder blocks see 4 + 4 skip channels and need a 1x1x1 skip conv
		final long block8to4 = 2 * 8 + (4 * 8 * 27 + 4) + 2 * (16 * 4 + 4) + 2 * 4 + (4 * 4 * 27 + 4) +
			(4 * 8 + 4);
		final long output = 2 * 4 + (4 * 27 + 1);
		assertEquals(embedding + inputConv + 3 * block4to4 + 2 * block8to4 + output, MemoryEstimate
			.parameterCount(c));
	}

	@Test
	void refusalNamesTheEstimateAndABatchSizeThatFits() {
		final long need = MemoryEstimate.trainingBytes(standard, 8, 64);
		final long budget = need / 3;
		assertDoesNotThrow(() -> MemoryEstimate.requireTrainingFits(standard, 8, 64, need));
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MemoryEstimate.requireTrainingFits(standard, 8, 64, budget));
		final String msg = e.getMessage();
		assertTrue(msg.contains("batch 8") && msg.contains("size 64") && msg.contains(
			MemoryEstimate.format(need)), msg);
		final Matcher batch = Pattern.compile("; batch (\\d+) fits").matcher(msg);
		assertTrue(batch.find(), msg);
		final int fitting = Integer.parseInt(batch.group(1));
		assertTrue(MemoryEstimate.trainingBytes(standard, fitting, 64) <= budget);
		assertTrue(MemoryEstimate.trainingBytes(standard, fitting + 1, 64) > budget);
		final Matcher size = Pattern.compile("size (\\d+) with batch 8 fits").matcher(msg);
		assertTrue(size.find(), msg);
		assertTrue(MemoryEstimate.trainingBytes(standard, 8, Integer.parseInt(size.group(1))) <=
			budget);
	}

	@Test
	void refusalSuggestsASmallerSizeWhenNoBatchFits() {
		final long budget = MemoryEstimate.inferenceBytes(standard, 1, 64) - 1;
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> MemoryEstimate.requireInferenceFits(standard, 1, 64, budget));
		final Matcher size = Pattern.compile("; size (\\d+) with batch 1 fits").matcher(e
			.getMessage());
		assertTrue(size.find(), e.getMessage());
		final int fitting = Integer.parseInt(size.group(1));
		assertEquals(0, fitting % standard.sizeMultiple());
		assertTrue(MemoryEstimate.inferenceBytes(standard, 1, fitting) <= budget);
	}

	@Test
	void formatsMiBAndGiB() {
		assertEquals("512 MiB", MemoryEstimate.format(512L << 20));
		assertEquals("3.5 GiB", MemoryEstimate.format(7L << 29));
	}

	@Test
	void onTheCpuTheBudgetIsTheNativeMemoryBesideTheHeap() {
		assertEquals(MemoryEstimate.cpuBudgetBytes(), MemoryEstimate.budgetBytes(ai.djl.Device.cpu()));
		assertTrue(MemoryEstimate.cpuBudgetBytes() > 0);
	}
}
