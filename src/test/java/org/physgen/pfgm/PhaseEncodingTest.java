package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

class PhaseEncodingTest {

	@Test
	void binaryUsesOneChannelOfPlusMinusOne() {
		final VolumeShape shape = VolumeShape.forPhases(2, 2, 1, 2);
		assertEquals(1, shape.channels());
		final float[] x = PhaseEncoding.encode(new byte[][] { { 0, 1 }, { 1, 1 } }, shape);
		assertArrayEquals(new float[] { -1, 1, 1, 1 }, x);
		assertArrayEquals(new double[] { 0.5 }, PhaseEncoding.targetMeans(new long[] { 1, 3 }), 0);
	}

	@Test
	void multiPhaseIsOneHotChannelMajor() {
		final VolumeShape shape = VolumeShape.forPhases(3, 3, 1, 1);
		final float[] x = PhaseEncoding.encode(new byte[][] { { 2, 0, 1 } }, shape);
		assertArrayEquals(new float[] { -1, 1, -1, -1, -1, 1, 1, -1, -1 }, x);
	}

	@Test
	void targetMeansAreTheChannelMeansOfAnyVolumeWithThoseCounts() {
		final UniformRandomProvider rng = TinyVolumes.random(8);
		for (int phases = 2; phases <= 5; phases++) {
			final VolumeShape shape = VolumeShape.forPhases(phases, 5, 4, 3);
			final byte[][] labels = TinyVolumes.randomLabels(rng, shape);
			final float[] x = PhaseEncoding.encode(labels, shape);
			final double[] means = PhaseEncoding.targetMeans(TinyVolumes.counts(labels, phases));
			for (int c = 0; c < shape.channels(); c++) {
				double sum = 0;
				for (int v = 0; v < shape.voxels(); v++) sum += x[c * shape.voxels() + v];
				assertEquals(sum / shape.voxels(), means[c], 1e-12);
			}
		}
	}

	@Test
	void encodesALabelVolume() {
		final LabelVolume volume = LabelVolume.fromSlices(new byte[][] { { 0, 1, 2, 1 } }, 2, 2,
			PhaseTable.identity(3), VoxelSize.DEFAULT);
		assertEquals(new VolumeShape(3, 2, 2, 1), PhaseEncoding.shapeOf(volume));
		assertArrayEquals(new float[] { 1, -1, -1, -1, -1, 1, -1, 1, -1, -1, 1, -1 }, PhaseEncoding
			.encode(volume));
	}

	@Test
	void decodingAnEncodedVolumeWithItsCountsReturnsItUnchanged() {
		final UniformRandomProvider rng = TinyVolumes.random(9);
		for (int phases = 2; phases <= 5; phases++) {
			final VolumeShape shape = VolumeShape.forPhases(phases, 6, 5, 4);
			final byte[][] labels = TinyVolumes.randomLabels(rng, shape);
			final Decoded decoded = PhaseEncoding.decode(PhaseEncoding.encode(labels, shape), shape,
				TinyVolumes.counts(labels, phases), 1);
			assertArrayEquals(labels, decoded.labels());
			assertEquals(0, decoded.flipped());
		}
	}

	@Test
	void decodedVolumesHaveExactlyTheRequestedCounts() {
		final UniformRandomProvider rng = TinyVolumes.random(10);
		for (int phases = 2; phases <= 5; phases++) {
			for (int kind = 0; kind < 3; kind++) {
				final VolumeShape shape = VolumeShape.forPhases(phases, 1 + rng.nextInt(9), 1 + rng
					.nextInt(9), 1 + rng.nextInt(9));
				final float[] x = new float[shape.length()];
				for (int k = 0; k < x.length; k++) {
					x[k] = switch (kind) {
						case 0 -> rng.nextFloat() * 2 - 1;
						case 1 -> rng.nextInt(3) - 1;
						default -> 0.25f;
					};
				}
				final long[] targets = randomTargets(rng, phases, shape.voxels());
				final Decoded decoded = PhaseEncoding.decode(x, shape, targets, 3);
				assertArrayEquals(targets, TinyVolumes.counts(decoded.labels(), phases));
				assertEquals(disagreementWithNearestPhase(x, shape, decoded.labels()), decoded.flipped());
				assertEquals(decoded.flipped() / (double) shape.voxels(), decoded.flippedFraction(), 1e-15);
			}
		}
	}

	@Test
	void binaryDecodingKeepsTheLargestValues() {
		final UniformRandomProvider rng = TinyVolumes.random(11);
		final VolumeShape shape = VolumeShape.forPhases(2, 7, 7, 7);
		final float[] x = new float[shape.length()];
		for (int k = 0; k < x.length; k++) x[k] = rng.nextFloat() * 10 - 5;
		final long ones = 100;
		final Decoded decoded = PhaseEncoding.decode(x, shape, new long[] { x.length - ones, ones }, 0);
		float smallestOne = Float.POSITIVE_INFINITY;
		float largestZero = Float.NEGATIVE_INFINITY;
		for (int v = 0; v < x.length; v++) {
			if (decoded.labels()[v / 49][v % 49] == 1) smallestOne = Math.min(smallestOne, x[v]);
			else largestZero = Math.max(largestZero, x[v]);
		}
		assertTrue(smallestOne > largestZero);
	}

	@Test
	void rejectsMismatchedInput() {
		final VolumeShape shape = VolumeShape.forPhases(3, 2, 2, 2);
		final float[] x = new float[shape.length()];
		assertThrows(IllegalArgumentException.class, () -> PhaseEncoding.decode(x, shape, new long[] {
			4, 4 }, 0));
		assertThrows(IllegalArgumentException.class, () -> PhaseEncoding.decode(x, shape, new long[] {
			4, 4, 1 }, 0));
		assertThrows(IllegalArgumentException.class, () -> PhaseEncoding.encode(new byte[][] { { 0, 1,
			3, 0 }, { 0, 0, 0, 0 } }, shape));
		assertThrows(IllegalArgumentException.class, () -> PhaseEncoding.channels(9));
	}

	private static long[] randomTargets(final UniformRandomProvider rng, final int phases,
		final int voxels)
	{
		final long[] targets = new long[phases];
		long left = voxels;
		for (int p = 1; p < phases; p++) {
			targets[p] = rng.nextLong(left + 1);
			left -= targets[p];
		}
		targets[0] = left;
		return targets;
	}

	/** Voxels whose label is not the sign (one channel) or the first largest channel. */
	private static long disagreementWithNearestPhase(final float[] x, final VolumeShape shape,
		final byte[][] labels)
	{
		long count = 0;
		final int voxels = shape.voxels();
		for (int v = 0; v < voxels; v++) {
			int nearest = 0;
			if (shape.channels() == 1) {
				nearest = x[v] > 0 ? 1 : 0;
			}
			else {
				for (int c = 1; c < shape.channels(); c++) {
					if (x[c * voxels + v] > x[nearest * voxels + v]) nearest = c;
				}
			}
			if (labels[v / shape.sliceLength()][v % shape.sliceLength()] != nearest) count++;
		}
		return count;
	}
}
