package org.physgen.pfgm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class MeanSteeringTest {

	@Test
	void shiftsEveryChannelToItsTargetMean() {
		final UniformRandomProvider rng = TinyVolumes.random(41);
		final VolumeShape shape = VolumeShape.forPhases(3, 50, 40, 30);
		final long[] targets = { 30_000, 15_000, 15_000 };
		final float[][] batch = new float[2][shape.length()];
		for (final float[] x : batch) {
			for (int k = 0; k < x.length; k++) x[k] = rng.nextFloat() * 3 - 1;
		}
		final float[][] before = { batch[0].clone(), batch[1].clone() };
		MeanSteering.toward(targets).apply(shape, batch);
		final double[] means = PhaseEncoding.targetMeans(targets);
		assertArrayEquals(new double[] { 0, -0.5, -0.5 }, means, 1e-15);
		final int voxels = shape.voxels();
		for (int b = 0; b < 2; b++) {
			for (int c = 0; c < 3; c++) {
				double sum = 0;
				for (int v = 0; v < voxels; v++) sum += batch[b][c * voxels + v];
				assertEquals(means[c], sum / voxels, 1e-5);
				final float shift = batch[b][c * voxels] - before[b][c * voxels];
				for (int v = 0; v < voxels; v++) {
					assertEquals(shift, batch[b][c * voxels + v] - before[b][c * voxels + v], 1e-5);
				}
			}
		}
	}

	@Test
	void rejectsAChannelCountMismatch() {
		final VolumeShape shape = VolumeShape.forPhases(3, 2, 2, 2);
		assertThrows(IllegalArgumentException.class, () -> MeanSteering.toward(new long[] { 4, 4 })
			.apply(shape, new float[1][shape.length()]));
	}

	/**
	 * A denoiser with soft output whose positive part is half the volume, while a quarter is asked
	 * for: without steering the projection flips a quarter of the voxels, with steering the sign of
	 * the sample already has the requested count.
	 */
	@Test
	void steeringRemovesTheFlipsOfASoftEstimateWithTheWrongFraction() {
		final VolumeShape shape = VolumeShape.forPhases(2, 8, 6, 5);
		final int voxels = shape.voxels();
		final float[] soft = new float[voxels];
		for (int v = 0; v < voxels; v++) soft[(v * 7) % voxels] = (2f * v + 1) / voxels - 1;
		final Denoiser blurred = (s, noisy, sigma, out) -> {
			for (final float[] o : out) System.arraycopy(soft, 0, o, 0, voxels);
		};
		final long[] targets = { voxels - voxels / 4, voxels / 4 };
		final HeunSampler sampler = new HeunSampler(PerturbationKernel.of(128), SigmaGrid.edm(18));
		assertEquals(2 * (voxels / 4), flipped(sampler.sample(blurred, shape, 2, 1), shape, targets));
		assertEquals(0, flipped(sampler.withSteering(MeanSteering.toward(targets)).sample(blurred,
			shape, 2, 1), shape, targets));
	}

	/**
	 * Three nested training volumes with 25 %, 50 % and 75 % of phase 1; we ask for 25 %. The exact
	 * denoiser makes the unsteered sampler end on any of the three, and each end on a wrong one costs
	 * a quarter or half of the voxels in flips. Steering pulls the trajectories towards the 25 %
	 * volume: fewer than half the flips, and none ends on the 75 % volume.
	 */
	@Test
	void steeringReducesTheFlipsOfTheExactDenoiser() {
		final VolumeShape shape = VolumeShape.forPhases(2, 6, 6, 6);
		final int quarter = shape.voxels() / 4;
		final float[][] data = new float[3][];
		for (int j = 0; j < 3; j++) {
			// the same random order for every volume, so each one's phase 1 contains the previous one's
			data[j] = PhaseEncoding.encode(TinyVolumes.binaryLabels(TinyVolumes.random(42), shape, (j
				+ 1) * quarter), shape);
		}
		final long[] targets = { shape.voxels() - quarter, quarter };
		for (final double d : new double[] { 128, Double.POSITIVE_INFINITY }) {
			final PerturbationKernel kernel = PerturbationKernel.of(d);
			final HeunSampler sampler = new HeunSampler(kernel, SigmaGrid.edm(18));
			final Denoiser exact = new FiniteDataDenoiser(kernel, data);
			final Samples plain = sampler.sample(exact, shape, 24, 9);
			final Samples steered = sampler.withSteering(MeanSteering.toward(targets)).sample(exact,
				shape, 24, 9);
			final long plainFlips = flipped(plain, shape, targets);
			final long steeredFlips = flipped(steered, shape, targets);
			assertTrue(plainFlips >= 10 * quarter, "D = " + d + ": without steering only " + plainFlips
				+ " flips, the test needs samples that end on the wrong volumes");
			assertTrue(steeredFlips * 2 < plainFlips, "D = " + d + ": steering flips " + steeredFlips
				+ " voxels, without " + plainFlips);
			for (final float[] x : steered.samples()) {
				assertTrue(PhaseEncoding.decode(x, shape, targets, 0).flipped() <= quarter, "D = " + d
					+ ": a steered sample ended on the 75 % volume");
			}
		}
	}

	private static long flipped(final Samples samples, final VolumeShape shape,
		final long[] targets)
	{
		long flipped = 0;
		for (final float[] x : samples.samples()) {
			final Decoded decoded = PhaseEncoding.decode(x, shape, targets, 0);
			assertArrayEquals(targets, TinyVolumes.counts(decoded.labels(), 2));
			flipped += decoded.flipped();
		}
		return flipped;
	}
}
