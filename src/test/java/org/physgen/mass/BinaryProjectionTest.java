package org.physgen.mass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class BinaryProjectionTest {

	@Test
	void exactCountsForRandomAndTiedScores() {
		final UniformRandomProvider rng = Volumes.random(10);
		for (int trial = 0; trial < 30; trial++) {
			final int slices = 1 + rng.nextInt(8);
			final int length = 1 + rng.nextInt(64);
			final long n = (long) slices * length;
			final float[][] scores = trial % 2 == 0 ? Volumes.uniform(rng, slices, length) : Volumes
				.levels(rng, slices, length, 3);
			for (final long m : new long[] { 0, 1, n / 3, n - 1, n }) {
				final byte[][] labels = BinaryProjection.topM(scores, m, trial);
				assertEquals(m, Volumes.count(labels, 1));
				assertEquals(n - m, Volumes.count(labels, 0));
				assertArrayEquals(Volumes.referenceSelect(scores, new byte[slices][length], 0, 1, m,
					trial), labels);
			}
		}
	}

	@Test
	void identityOnAlreadyCorrectVolume() {
		final UniformRandomProvider rng = Volumes.random(11);
		final byte[][] volume = new byte[9][50];
		final float[][] scores = new float[9][50];
		long ones = 0;
		for (int z = 0; z < 9; z++) {
			for (int i = 0; i < 50; i++) {
				volume[z][i] = (byte) (rng.nextDouble() < 0.3 ? 1 : 0);
				scores[z][i] = volume[z][i];
				ones += volume[z][i];
			}
		}
		assertArrayEquals(volume, BinaryProjection.topM(scores, ones, 123));
		// into a given array holding garbage
		final byte[][] out = new byte[9][50];
		for (final byte[] slice : out) java.util.Arrays.fill(slice, (byte) 7);
		BinaryProjection.topM(scores, ones, 5, out);
		assertArrayEquals(volume, out);
	}

	@Test
	void targetOutsideTheVolumeIsRejected() {
		final float[][] scores = Volumes.constant(2, 3, 0f);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> BinaryProjection.topM(scores, 7, 0));
		assertTrue(e.getMessage().contains("7") && e.getMessage().contains("6"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> BinaryProjection.topM(scores, -1, 0));
		assertThrows(IllegalArgumentException.class, () -> BinaryProjection.topM(new float[][] {
			{ 1f, 2f }, { 1f } }, 1, 0));
	}

	@Test
	void emptyVolume() {
		assertEquals(0, BinaryProjection.topM(new float[0][], 0, 0).length);
	}
}
