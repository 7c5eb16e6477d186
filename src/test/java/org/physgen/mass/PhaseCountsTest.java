package org.physgen.mass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PhaseCountsTest {

	private static final long VOXELS = 64L * 64 * 64;

	private static void assertRejected(final String expectedPart, final Executable call) {
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains("fractions"), e.getMessage());
		assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
	}

	@Test
	void roundsHalfUpAndGivesPhaseZeroTheRest() {
		final long[] counts = PhaseCounts.fromFractions(new double[] { 0.2 }, VOXELS);
		assertArrayEquals(new long[] { VOXELS - 52429, 52429 }, counts);
		assertArrayEquals(new long[] { 2, 2 }, PhaseCounts.fromFractions(new double[] { 0.375 }, 4));
		assertArrayEquals(new long[] { 1, 1 }, PhaseCounts.fromFractions(new double[] { 0.5 }, 2));
	}

	@Test
	void parsedFractionsSumToTheVolume() {
		final double[] fractions = PhaseCounts.parse("0.40,0.15");
		assertArrayEquals(new double[] { 0.40, 0.15 }, fractions);
		assertArrayEquals(fractions, PhaseCounts.parse(" 0.40 , 0.15 "));
		final long[] counts = PhaseCounts.fromFractions(fractions, VOXELS);
		assertEquals(3, counts.length);
		assertEquals(VOXELS, counts[0] + counts[1] + counts[2]);
		assertEquals(Math.round(0.40 * VOXELS), counts[1]);
		assertEquals(Math.round(0.15 * VOXELS), counts[2]);
	}

	@Test
	void fractionsOfCounts() {
		assertArrayEquals(new double[] { 0.25, 0.5 }, PhaseCounts.fractions(new long[] { 1, 1, 2 }));
		assertThrows(IllegalArgumentException.class, () -> PhaseCounts.fractions(new long[] { 0, 0 }));
		assertThrows(IllegalArgumentException.class, () -> PhaseCounts.fractions(new long[] { 3,
			-1 }));
		assertThrows(IllegalArgumentException.class, () -> PhaseCounts.fractions(new long[] { 3 }));
	}

	@Test
	void invalidFractionsAreRejected() {
		assertRejected("NaN", () -> PhaseCounts.fromFractions(new double[] { Double.NaN }, VOXELS));
		assertRejected("-0.1", () -> PhaseCounts.fromFractions(new double[] { -0.1 }, VOXELS));
		assertRejected("0.0", () -> PhaseCounts.fromFractions(new double[] { 0.3, 0 }, VOXELS));
		assertRejected("1.0", () -> PhaseCounts.fromFractions(new double[] { 1.0 }, VOXELS));
		assertRejected("Infinity", () -> PhaseCounts.fromFractions(new double[] {
			Double.POSITIVE_INFINITY }, VOXELS));
		assertRejected("1.2", () -> PhaseCounts.fromFractions(new double[] { 0.6, 0.6 }, VOXELS));
		assertRejected("unreachable at 262144 voxels", () -> PhaseCounts.fromFractions(new double[] {
			0.5, 1e-6 }, VOXELS));
		assertRejected("phase 0", () -> PhaseCounts.fromFractions(new double[] { 0.5, 0.5 }, VOXELS));
		assertRejected("phase 0", () -> PhaseCounts.fromFractions(new double[] { 0.7, 0.29999999 },
			100));
		assertRejected("8", () -> PhaseCounts.fromFractions(new double[] { 0.1, 0.1, 0.1, 0.1, 0.1,
			0.1, 0.1, 0.1 }, VOXELS));
		assertRejected("fractions", () -> PhaseCounts.fromFractions(new double[0], VOXELS));
		assertRejected("fractions", () -> PhaseCounts.fromFractions(null, VOXELS));
		assertEquals(8, PhaseCounts.fromFractions(new double[] { 0.1, 0.1, 0.1, 0.1, 0.1, 0.1,
			0.1 }, VOXELS).length);
	}

	@Test
	void badTextIsRejectedNamingTheToken() {
		assertRejected("abc", () -> PhaseCounts.parse("0.4,abc"));
		assertRejected("\"\"", () -> PhaseCounts.parse("0.4,,0.1"));
		assertRejected("\"\"", () -> PhaseCounts.parse("0.4,"));
		assertRejected("0x1p-2", () -> PhaseCounts.parse("0x1p-2"));
		assertRejected("NaN", () -> PhaseCounts.parse("NaN"));
		assertRejected("-0.2", () -> PhaseCounts.parse("0.3, -0.2"));
		assertRejected("1.5", () -> PhaseCounts.parse("1.5"));
		assertRejected("fractions", () -> PhaseCounts.parse("  "));
		assertRejected("fractions", () -> PhaseCounts.parse(null));
		assertArrayEquals(new double[] { 0.05 }, PhaseCounts.parse("5e-2"));
	}
}
