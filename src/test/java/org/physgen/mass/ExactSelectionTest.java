package org.physgen.mass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class ExactSelectionTest {

	private static final int FROM = 2;
	private static final int TO = 5;

	/** Labels with roughly 2/3 candidates (label FROM), the rest label 0. */
	private static byte[][] mixedLabels(final UniformRandomProvider rng, final int slices,
		final int length)
	{
		final byte[][] labels = new byte[slices][length];
		for (final byte[] slice : labels) {
			for (int i = 0; i < length; i++) slice[i] = (byte) (rng.nextInt(3) == 0 ? 0 : FROM);
		}
		return labels;
	}

	private static void assertMatchesReference(final float[][] scores, final byte[][] labels,
		final long k, final long seed)
	{
		final byte[][] expected = Volumes.referenceSelect(scores, labels, FROM, TO, k, seed);
		final byte[][] actual = Volumes.copy(labels);
		ExactSelection.select(scores, actual, FROM, TO, k, seed);
		assertArrayEquals(expected, actual, "k = " + k);
		assertEquals(k, Volumes.count(actual, TO));
	}

	@Test
	void randomDistinctScoresMatchSortReference() {
		final UniformRandomProvider rng = Volumes.random(1);
		for (int trial = 0; trial < 60; trial++) {
			final int slices = 1 + rng.nextInt(6);
			final int length = 1 + rng.nextInt(40);
			final float[][] scores = Volumes.uniform(rng, slices, length);
			final byte[][] labels = mixedLabels(rng, slices, length);
			final long candidates = Volumes.count(labels, FROM);
			final long k = candidates == 0 ? 0 : rng.nextLong(candidates + 1);
			assertMatchesReference(scores, labels, k, trial);
		}
	}

	@Test
	void heavyTiesMatchReferenceIncludingTieOrder() {
		final UniformRandomProvider rng = Volumes.random(2);
		for (int trial = 0; trial < 60; trial++) {
			final int slices = 1 + rng.nextInt(5);
			final int length = 1 + rng.nextInt(50);
			final float[][] scores = Volumes.levels(rng, slices, length, 3);
			final byte[][] labels = mixedLabels(rng, slices, length);
			final long candidates = Volumes.count(labels, FROM);
			for (final long k : new long[] { 0, candidates / 3, candidates / 2, candidates }) {
				assertMatchesReference(scores, labels, k, 1000 + trial);
			}
		}
	}

	@Test
	void largeVolumeWithWideDigitsMatchesReference() {
		final UniformRandomProvider rng = Volumes.random(6);
		// at least 2^18 voxels: 16-bit digits; ties on 5 levels reach the hash digits
		final float[][] tied = Volumes.levels(rng, 16, 16384, 5);
		final float[][] distinct = Volumes.uniform(rng, 16, 16384);
		final byte[][] labels = mixedLabels(rng, 16, 16384);
		final long candidates = Volumes.count(labels, FROM);
		assertMatchesReference(tied, labels, candidates / 3, 8);
		assertMatchesReference(distinct, labels, candidates / 2 + 1, 8);
	}

	@Test
	void allEqualScoresGiveExactCounts() {
		final float[][] scores = Volumes.constant(7, 33, 0.25f);
		for (final long k : new long[] { 0, 1, 2, 100, 230, 231 }) {
			final byte[][] labels = new byte[7][33];
			for (final byte[] slice : labels) java.util.Arrays.fill(slice, (byte) FROM);
			assertMatchesReference(scores, labels, k, 7);
		}
	}

	@Test
	void adversarialValues() {
		final float[] values = { Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -1f, -Float.MIN_VALUE,
			-0f, 0f, Float.MIN_VALUE, 1f, Float.MAX_VALUE, Float.POSITIVE_INFINITY };
		final UniformRandomProvider rng = Volumes.random(3);
		for (int trial = 0; trial < 40; trial++) {
			final int slices = 1 + rng.nextInt(4);
			final int length = 1 + rng.nextInt(30);
			final float[][] scores = new float[slices][length];
			for (final float[] slice : scores) {
				for (int i = 0; i < length; i++) slice[i] = values[rng.nextInt(values.length)];
			}
			final byte[][] labels = mixedLabels(rng, slices, length);
			final long candidates = Volumes.count(labels, FROM);
			for (long k = 0; k <= candidates; k += 1 + candidates / 7) {
				assertMatchesReference(scores, labels, k, trial);
			}
			assertMatchesReference(scores, labels, candidates, trial);
		}
	}

	@Test
	void negativeAndPositiveZeroAreEqual() {
		// two -0.0 before two 0.0 in index order: with k = 2 the choice must come from the tie hash
		final float[][] scores = { { -0f, -0f, 0f, 0f, -1f } };
		final byte[][] labels = new byte[1][5];
		java.util.Arrays.fill(labels[0], (byte) FROM);
		for (long seed = 0; seed < 20; seed++) assertMatchesReference(scores, labels, 2, seed);
		assertEquals(0f, ExactSelection.kthLargest(scores, null, 0, 1));
		assertEquals(Float.floatToRawIntBits(0f), Float.floatToRawIntBits(ExactSelection.kthLargest(
			scores, null, 0, 2)));
	}

	@Test
	void sortedAndShapedInputs() {
		final int[][] shapes = { { 1, 1 }, { 1, 200 }, { 200, 1 }, { 64, 3 }, { 3, 64 } };
		for (final int[] shape : shapes) {
			final int slices = shape[0];
			final int length = shape[1];
			final int n = slices * length;
			final float[][] ascending = new float[slices][length];
			final float[][] descending = new float[slices][length];
			for (int z = 0; z < slices; z++) {
				for (int i = 0; i < length; i++) {
					ascending[z][i] = z * length + i;
					descending[z][i] = n - (z * length + i);
				}
			}
			final byte[][] labels = new byte[slices][length];
			for (final byte[] slice : labels) java.util.Arrays.fill(slice, (byte) FROM);
			for (final long k : new long[] { 0, 1, n / 2, n - 1, n }) {
				assertMatchesReference(ascending, labels, k, 11);
				assertMatchesReference(descending, labels, k, 11);
			}
		}
	}

	@Test
	void tiesExactlyAtTheThreshold() {
		// 10 voxels above, 20 tied at 5, 10 below: any k from 10 to 30 cuts through the tie
		final float[][] scores = new float[4][10];
		for (int z = 0; z < 4; z++) {
			for (int i = 0; i < 10; i++) scores[z][i] = z == 0 ? 9 : z == 3 ? 1 : 5;
		}
		final byte[][] labels = new byte[4][10];
		for (final byte[] slice : labels) java.util.Arrays.fill(slice, (byte) FROM);
		for (long k = 9; k <= 31; k++) assertMatchesReference(scores, labels, k, 5);
	}

	@Test
	void tiesAcrossManyDigitLevelsAreStillExact() {
		// scores that share their high 16 bits but differ in the low bits, plus ties among them
		final float[][] scores = new float[3][40];
		for (int z = 0; z < 3; z++) {
			for (int i = 0; i < 40; i++) scores[z][i] = Float.intBitsToFloat(0x3f800000 + (i % 5));
		}
		final byte[][] labels = new byte[3][40];
		for (final byte[] slice : labels) java.util.Arrays.fill(slice, (byte) FROM);
		for (long k = 0; k <= 120; k += 7) assertMatchesReference(scores, labels, k, 99);
	}

	@Test
	void equalHashesFallBackToIndexOrder() {
		final TieHash constant = new TieHash(0) {

			@Override
			long of(final long index) {
				return 42;
			}
		};
		final float[][] scores = Volumes.constant(3, 4, 1f);
		final byte[][] labels = new byte[3][4];
		for (final byte[] slice : labels) java.util.Arrays.fill(slice, (byte) FROM);
		labels[0][1] = 0;
		ExactSelection.select(scores, labels, FROM, TO, 5, constant);
		final byte[][] expected = { { TO, 0, TO, TO }, { TO, TO, FROM, FROM }, { FROM, FROM, FROM,
			FROM } };
		assertArrayEquals(expected, labels);
	}

	@Test
	void sameSeedSameResultDifferentSeedDifferentTies() {
		final float[][] scores = Volumes.constant(10, 100, 3f);
		final byte[][] a = BinaryProjection.topM(scores, 500, 1);
		final byte[][] b = BinaryProjection.topM(scores, 500, 1);
		final byte[][] c = BinaryProjection.topM(scores, 500, 2);
		assertArrayEquals(a, b);
		assertEquals(500, Volumes.count(c, 1));
		boolean differ = false;
		for (int z = 0; z < 10; z++) differ |= !java.util.Arrays.equals(a[z], c[z]);
		assertTrue(differ);
	}

	@Test
	void resultDoesNotDependOnThreadCount() throws Exception {
		final UniformRandomProvider rng = Volumes.random(4);
		// large enough to be split into several tasks; heavy ties exercise the hash digits
		final float[][] scores = Volumes.levels(rng, 48, 8192, 4);
		final long m = 48L * 8192 / 3;
		final byte[][] common = BinaryProjection.topM(scores, m, 9);
		for (final int threads : new int[] { 1, 3, 8 }) {
			final ForkJoinPool pool = new ForkJoinPool(threads);
			try {
				final byte[][] inPool = pool.submit(() -> BinaryProjection.topM(scores, m, 9)).get();
				assertArrayEquals(common, inPool, threads + " threads");
			}
			finally {
				pool.shutdown();
			}
		}
		assertEquals(m, Volumes.count(common, 1));
	}

	@Test
	void nanIsRejectedWithItsVoxel() {
		final float[][] scores = Volumes.constant(3, 5, 1f);
		scores[2][3] = Float.NaN;
		final byte[][] labels = new byte[3][5];
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> ExactSelection.select(scores, labels, 0, 1, 2, 0));
		assertTrue(e.getMessage().contains("NaN") && e.getMessage().contains("z=2") && e.getMessage()
			.contains("i=3"), e.getMessage());
		// a NaN outside the candidates does not matter
		labels[2][3] = 7;
		ExactSelection.select(scores, labels, 0, 1, 2, 0);
		assertEquals(2, Volumes.count(labels, 1));
	}

	@Test
	void kOutsideTheCandidatesIsRejected() {
		final float[][] scores = Volumes.constant(2, 5, 1f);
		final byte[][] labels = new byte[2][5];
		labels[1][1] = 3;
		final IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
			() -> ExactSelection.select(scores, labels, 0, 1, 10, 0));
		assertTrue(tooMany.getMessage().contains("10") && tooMany.getMessage().contains("9"), tooMany
			.getMessage());
		final IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
			() -> ExactSelection.select(scores, labels, 0, 1, -1, 0));
		assertTrue(negative.getMessage().contains("-1") && negative.getMessage().contains("9"),
			negative.getMessage());
		assertThrows(IllegalArgumentException.class, () -> ExactSelection.select(scores,
			new byte[2][4], 0, 1, 1, 0));
	}

	@Test
	void kthLargestMatchesSortedValues() {
		final UniformRandomProvider rng = Volumes.random(5);
		final float[][] scores = Volumes.levels(rng, 4, 25, 7);
		final float[] all = new float[100];
		for (int z = 0; z < 4; z++) System.arraycopy(scores[z], 0, all, z * 25, 25);
		java.util.Arrays.sort(all);
		for (int k = 1; k <= 100; k++) {
			assertEquals(all[100 - k], ExactSelection.kthLargest(scores, null, 0, k));
		}
		assertThrows(IllegalArgumentException.class, () -> ExactSelection.kthLargest(scores, null, 0,
			0));
		assertThrows(IllegalArgumentException.class, () -> ExactSelection.kthLargest(scores, null, 0,
			101));
	}

	@Test
	void orderKeyPreservesFloatOrder() {
		final float[] ordered = { Float.NEGATIVE_INFINITY, -Float.MAX_VALUE, -2.5f, -1f,
			-Float.MIN_NORMAL, -Float.MIN_VALUE, 0f, Float.MIN_VALUE, Float.MIN_NORMAL, 1f, 2.5f,
			Float.MAX_VALUE, Float.POSITIVE_INFINITY };
		for (int a = 0; a + 1 < ordered.length; a++) {
			assertTrue(Integer.compareUnsigned(OrderKey.of(ordered[a]), OrderKey.of(ordered[a + 1])) < 0);
			assertEquals(ordered[a], OrderKey.value(OrderKey.of(ordered[a])));
		}
		assertEquals(OrderKey.of(0f), OrderKey.of(-0f));
		assertFalse(OrderKey.of(-Float.MIN_VALUE) == OrderKey.of(0f));
	}
}
