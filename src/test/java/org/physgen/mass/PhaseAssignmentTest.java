package org.physgen.mass;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.ForkJoinPool;

import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

class PhaseAssignmentTest {

	private static float[][][] scores(final UniformRandomProvider rng, final int phases,
		final int slices, final int length, final int kind)
	{
		final float[][][] s = new float[phases][][];
		for (int p = 0; p < phases; p++) {
			s[p] = switch (kind) {
				case 0 -> Volumes.uniform(rng, slices, length);
				case 1 -> Volumes.levels(rng, slices, length, 3);
				default -> Volumes.constant(slices, length, 1f);
			};
		}
		return s;
	}

	private static long[] randomTargets(final UniformRandomProvider rng, final int phases,
		final long voxels)
	{
		final long[] targets = new long[phases];
		long left = voxels;
		for (int p = 1; p < phases; p++) {
			targets[p] = rng.nextLong(left + 1) / 2;
			left -= targets[p];
		}
		targets[0] = left;
		// shuffle so that phase 0 is not always the largest
		for (int p = phases - 1; p > 0; p--) {
			final int q = rng.nextInt(p + 1);
			final long t = targets[p];
			targets[p] = targets[q];
			targets[q] = t;
		}
		return targets;
	}

	/** Best objective over all assignments with the given counts. */
	private static double bruteForceOptimum(final float[][][] scores, final long[] targets) {
		final int phases = scores.length;
		final int length = scores[0][0].length;
		final int n = scores[0].length * length;
		final int[] assignment = new int[n];
		double best = Double.NEGATIVE_INFINITY;
		final long total = Math.round(Math.pow(phases, n));
		for (long code = 0; code < total; code++) {
			long c = code;
			final long[] counts = new long[phases];
			for (int v = 0; v < n; v++) {
				assignment[v] = (int) (c % phases);
				c /= phases;
				counts[assignment[v]]++;
			}
			if (!java.util.Arrays.equals(counts, targets)) continue;
			double sum = 0;
			for (int v = 0; v < n; v++) sum += scores[assignment[v]][v / length][v % length];
			best = Math.max(best, sum);
		}
		return best;
	}

	@Test
	void exactCountsForEveryPhaseCountAndScoreKind() {
		final UniformRandomProvider rng = Volumes.random(20);
		for (int phases = 2; phases <= 8; phases++) {
			for (int kind = 0; kind < 3; kind++) {
				for (int trial = 0; trial < 4; trial++) {
					final int slices = 1 + rng.nextInt(6);
					final int length = 1 + rng.nextInt(60);
					final float[][][] s = scores(rng, phases, slices, length, kind);
					final long[] targets = randomTargets(rng, phases, (long) slices * length);
					final byte[][] labels = PhaseAssignment.assign(s, targets, trial);
					assertArrayEquals(targets, Volumes.counts(labels, phases), "P = " + phases + ", kind "
						+ kind);
				}
			}
		}
	}

	@Test
	void extremeTargetsAndInfiniteScores() {
		final UniformRandomProvider rng = Volumes.random(21);
		final float[][][] s = scores(rng, 3, 4, 10, 0);
		s[1][0][0] = Float.POSITIVE_INFINITY;
		s[2][0][0] = Float.POSITIVE_INFINITY;
		s[0][1][1] = Float.NEGATIVE_INFINITY;
		s[2][2][2] = Float.NEGATIVE_INFINITY;
		s[0][3][3] = -0f;
		for (final long[] targets : new long[][] { { 40, 0, 0 }, { 0, 40, 0 }, { 0, 0, 40 }, { 1, 0,
			39 }, { 13, 13, 14 }, { 0, 1, 39 } })
		{
			assertArrayEquals(targets, Volumes.counts(PhaseAssignment.assign(s, targets, 3), 3));
		}
	}

	@Test
	void identityOnAlreadyCorrectInput() {
		final UniformRandomProvider rng = Volumes.random(22);
		for (int phases = 2; phases <= 4; phases++) {
			final byte[][] volume = new byte[6][30];
			final float[][][] oneHot = new float[phases][6][30];
			for (int z = 0; z < 6; z++) {
				for (int i = 0; i < 30; i++) {
					volume[z][i] = (byte) rng.nextInt(phases);
					oneHot[volume[z][i]][z][i] = 1f;
				}
			}
			final long[] targets = Volumes.counts(volume, phases);
			assertArrayEquals(volume, PhaseAssignment.assign(oneHot, targets, 77));
			assertArrayEquals(volume, PhaseAssignment.assign(oneHot, targets));
		}
	}

	@Test
	void twoPhasesWithDistinctScoresEqualBinaryTopM() {
		final UniformRandomProvider rng = Volumes.random(23);
		for (int trial = 0; trial < 20; trial++) {
			final int slices = 1 + rng.nextInt(20);
			final int length = 1 + rng.nextInt(300);
			final long n = (long) slices * length;
			final float[][] ones = Volumes.uniform(rng, slices, length);
			final float[][][] s = { new float[slices][length], ones };
			final long m = rng.nextLong(n + 1);
			assertArrayEquals(BinaryProjection.topM(ones, m, 0), PhaseAssignment.assign(s, new long[] { n
				- m, m }, trial));
		}
	}

	@Test
	void twoPhasesWithGeneralScoresEqualTopMOfTheDifference() {
		final UniformRandomProvider rng = Volumes.random(24);
		for (int trial = 0; trial < 10; trial++) {
			final int slices = 1 + rng.nextInt(10);
			final int length = 1 + rng.nextInt(500);
			final long n = (long) slices * length;
			// integer scores keep the differences exact; distinct differences keep the optimum unique
			final float[][][] s = new float[2][slices][length];
			final float[][] difference = new float[slices][length];
			for (int z = 0; z < slices; z++) {
				for (int i = 0; i < length; i++) {
					s[0][z][i] = rng.nextInt(1000);
					s[1][z][i] = s[0][z][i] + z * length + i - n / 2;
					difference[z][i] = s[1][z][i] - s[0][z][i];
				}
			}
			final long m = rng.nextLong(n + 1);
			assertArrayEquals(BinaryProjection.topM(difference, m, 0), PhaseAssignment.assign(s,
				new long[] { n - m, m }, trial));
		}
	}

	@Test
	void optimalOnTinyVolumesAgainstBruteForce() {
		final UniformRandomProvider rng = Volumes.random(25);
		for (int trial = 0; trial < 300; trial++) {
			final int phases = trial % 5 == 4 ? 4 : 3;
			final int slices = 1 + rng.nextInt(2);
			final int length = (phases == 4 ? 6 : 6 + rng.nextInt(3)) / slices;
			final float[][][] s = new float[phases][slices][length];
			final boolean integers = trial % 2 == 0;
			for (int p = 0; p < phases; p++) {
				for (int z = 0; z < slices; z++) {
					for (int i = 0; i < length; i++) {
						s[p][z][i] = integers ? rng.nextInt(trial % 3 == 0 ? 3 : 100) : rng.nextFloat();
					}
				}
			}
			final long[] targets = randomTargets(rng, phases, (long) slices * length);
			final byte[][] labels = PhaseAssignment.assign(s, targets, trial);
			assertArrayEquals(targets, Volumes.counts(labels, phases));
			final double optimum = bruteForceOptimum(s, targets);
			final double objective = Volumes.objective(s, labels);
			// integer scores: float differences are exact, so the optimum is met exactly
			assertEquals(optimum, objective, integers ? 0 : 1e-6, "trial " + trial);
		}
	}

	@Test
	void cycleCancellingFromAnArbitraryStartReachesTheOptimum() {
		final UniformRandomProvider rng = Volumes.random(30);
		for (int trial = 0; trial < 200; trial++) {
			final int phases = 3 + trial % 2;
			final int length = phases == 3 ? 8 : 6;
			final float[][][] s = new float[phases][1][length];
			for (final float[][] phase : s) {
				for (int i = 0; i < length; i++) phase[0][i] = rng.nextInt(trial % 4 == 0 ? 4 : 1000);
			}
			// a random start with the target counts
			final byte[][] labels = new byte[1][length];
			for (int i = 0; i < length; i++) labels[0][i] = (byte) rng.nextInt(phases);
			for (int i = length - 1; i > 0; i--) {
				final int j = rng.nextInt(i + 1);
				final byte t = labels[0][i];
				labels[0][i] = labels[0][j];
				labels[0][j] = t;
			}
			final long[] targets = Volumes.counts(labels, phases);
			CycleCanceller.run(new PhaseProblem(s, targets, labels, length, trial));
			assertArrayEquals(targets, Volumes.counts(labels, phases));
			assertEquals(bruteForceOptimum(s, targets), Volumes.objective(s, labels), "trial " + trial);
		}
	}

	/** Largest total gain of a simple cycle of single-voxel moves between phases (P <= 4). */
	private static double bestCycleGain(final float[][][] scores, final byte[][] labels) {
		final int phases = scores.length;
		final double[][] best = new double[phases][phases];
		for (final double[] row : best) java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
		for (int z = 0; z < labels.length; z++) {
			for (int i = 0; i < labels[z].length; i++) {
				final int from = labels[z][i];
				for (int to = 0; to < phases; to++) {
					if (to != from) best[from][to] = Math.max(best[from][to], scores[to][z][i]
						- scores[from][z][i]);
				}
			}
		}
		double gain = Double.NEGATIVE_INFINITY;
		for (int a = 0; a < phases; a++) {
			for (int b = 0; b < phases; b++) {
				if (b == a) continue;
				gain = Math.max(gain, best[a][b] + best[b][a]);
				for (int c = 0; c < phases; c++) {
					if (c == a || c == b) continue;
					gain = Math.max(gain, best[a][b] + best[b][c] + best[c][a]);
					for (int d = 0; d < phases; d++) {
						if (d == a || d == b || d == c) continue;
						gain = Math.max(gain, best[a][b] + best[b][c] + best[c][d] + best[d][a]);
					}
				}
			}
		}
		return gain;
	}

	@Test
	void noImprovingCycleRemainsOnLargerVolumes() {
		final UniformRandomProvider rng = Volumes.random(31);
		for (int trial = 0; trial < 12; trial++) {
			final int phases = 3 + trial % 2;
			final float[][][] s = new float[phases][8][500];
			for (final float[][] phase : s) {
				for (final float[] slice : phase) {
					// integer scores: every gain is exact
					for (int i = 0; i < slice.length; i++) slice[i] = rng.nextInt(trial < 6 ? 5 : 100000);
				}
			}
			final long[] targets = randomTargets(rng, phases, 4000);
			final byte[][] labels = PhaseAssignment.assign(s, targets, trial);
			assertArrayEquals(targets, Volumes.counts(labels, phases));
			assertTrue(bestCycleGain(s, labels) <= 0, "trial " + trial);
		}
	}

	@Test
	void optimalOnAMediumVolumeAgainstBruteForce() {
		final UniformRandomProvider rng = Volumes.random(26);
		for (int trial = 0; trial < 3; trial++) {
			final float[][][] s = new float[3][2][6];
			for (final float[][] phase : s) {
				for (final float[] slice : phase) {
					for (int i = 0; i < 6; i++) slice[i] = rng.nextInt(50);
				}
			}
			final long[] targets = { 3, 4, 5 };
			assertEquals(bruteForceOptimum(s, targets), Volumes.objective(s, PhaseAssignment.assign(s,
				targets, trial)));
		}
	}

	@Test
	void deterministicAndThreadCountIndependent() throws Exception {
		final UniformRandomProvider rng = Volumes.random(27);
		// 40 x 8192 voxels: 2 tasks per pass on one thread, 5 on three
		final float[][][] s = scores(rng, 3, 40, 8192, 0);
		final long n = 40L * 8192;
		final long[] targets = { n / 2, n / 3, n - n / 2 - n / 3 };
		final byte[][] common = PhaseAssignment.assign(s, targets, 4);
		assertArrayEquals(targets, Volumes.counts(common, 3));
		for (final int threads : new int[] { 1, 3 }) {
			final ForkJoinPool pool = new ForkJoinPool(threads);
			try {
				assertArrayEquals(common, pool.submit(() -> PhaseAssignment.assign(s, targets, 4)).get());
			}
			finally {
				pool.shutdown();
			}
		}
	}

	/** 5 x 2^16 voxels: above the size from which offsets come from a sample and a band. */
	private static final int LARGE_SLICES = 5;
	private static final int LARGE_LENGTH = 1 << 16;

	@Test
	void largeVolumesLeaveNoImprovingCycle() {
		final UniformRandomProvider rng = Volumes.random(32);
		final long n = (long) LARGE_SLICES * LARGE_LENGTH;
		for (int trial = 0; trial < 4; trial++) {
			final int phases = 3 + trial % 2;
			final boolean oneHot = trial == 1 || trial == 2;
			final float[][][] s = new float[phases][LARGE_SLICES][LARGE_LENGTH];
			final long[] truthCounts = new long[phases];
			for (int z = 0; z < LARGE_SLICES; z++) {
				for (int i = 0; i < LARGE_LENGTH; i++) {
					// like denoised one-hot channels: the true phase scores about 100 above the others
					final int truth = (z + i / 4096) % phases;
					truthCounts[truth]++;
					for (int p = 0; p < phases; p++) {
						s[p][z][i] = oneHot ? (p == truth ? 100 : 0) + rng.nextInt(61) - 30
							: rng.nextInt(1000);
					}
				}
			}
			final long[] targets = switch (trial) {
				case 1 -> shifted(truthCounts, n / 50);
				case 2 -> shifted(truthCounts, truthCounts[phases - 1] - 3);
				default -> randomTargets(rng, phases, n);
			};
			final byte[][] labels = PhaseAssignment.assign(s, targets, trial);
			assertArrayEquals(targets, Volumes.counts(labels, phases), "trial " + trial);
			assertTrue(bestCycleGain(s, labels) <= 0, "trial " + trial);
		}
	}

	/** Moves {@code k} voxels from the last phase's count to the first's. */
	private static long[] shifted(final long[] counts, final long k) {
		final long[] targets = counts.clone();
		targets[0] += k;
		targets[targets.length - 1] -= k;
		return targets;
	}

	@Test
	void largeTiedVolumesGetExactCountsWhateverTheThreadCount() throws Exception {
		final UniformRandomProvider rng = Volumes.random(33);
		// phases and score kind: three levels (many cycles of tied gains to cancel), all equal
		for (final int[] setting : new int[][] { { 3, 1 }, { 5, 1 }, { 4, 2 } }) {
			final int phases = setting[0];
			final float[][][] s = scores(rng, phases, LARGE_SLICES, LARGE_LENGTH, setting[1]);
			final long[] targets = randomTargets(rng, phases, (long) LARGE_SLICES * LARGE_LENGTH);
			final byte[][] labels = PhaseAssignment.assign(s, targets, phases);
			assertArrayEquals(targets, Volumes.counts(labels, phases), "P = " + phases);
			assertTrue(bestCycleGain(s, labels) <= 0, "P = " + phases);
			final ForkJoinPool pool = new ForkJoinPool(3);
			try {
				assertArrayEquals(labels, pool.submit(() -> PhaseAssignment.assign(s, targets, phases))
					.get(), "P = " + phases);
			}
			finally {
				pool.shutdown();
			}
		}
	}

	@Test
	void largeTwoPhaseVolumesEqualTopMOfTheDifference() {
		final UniformRandomProvider rng = Volumes.random(34);
		final long n = (long) LARGE_SLICES * LARGE_LENGTH;
		for (int trial = 0; trial < 3; trial++) {
			// integer scores with distinct differences: exact gains and a unique optimum
			final float[][][] s = new float[2][LARGE_SLICES][LARGE_LENGTH];
			final float[][] difference = new float[LARGE_SLICES][LARGE_LENGTH];
			for (int z = 0; z < LARGE_SLICES; z++) {
				for (int i = 0; i < LARGE_LENGTH; i++) {
					s[0][z][i] = rng.nextInt(1000);
					s[1][z][i] = s[0][z][i] + z * LARGE_LENGTH + i - n / 2;
					difference[z][i] = s[1][z][i] - s[0][z][i];
				}
			}
			final long m = rng.nextLong(n + 1);
			assertArrayEquals(BinaryProjection.topM(difference, m, 0), PhaseAssignment.assign(s,
				new long[] { n - m, m }, trial));
		}
	}

	@Test
	void tieSeedChangesTheChoiceAmongEqualScores() {
		final float[][][] s = scores(Volumes.random(0), 3, 5, 40, 2);
		final long[] targets = { 50, 70, 80 };
		final byte[][] a = PhaseAssignment.assign(s, targets, 1);
		final byte[][] b = PhaseAssignment.assign(s, targets, 2);
		assertArrayEquals(targets, Volumes.counts(a, 3));
		assertArrayEquals(targets, Volumes.counts(b, 3));
		assertTrue(!java.util.Arrays.deepEquals(a, b));
	}

	@Test
	void writesIntoAGivenLabelArray() {
		final float[][][] s = scores(Volumes.random(28), 3, 3, 7, 0);
		final long[] targets = { 7, 7, 7 };
		final byte[][] labels = new byte[3][7];
		for (final byte[] slice : labels) java.util.Arrays.fill(slice, (byte) 9);
		PhaseAssignment.assign(s, targets, 6, labels);
		assertArrayEquals(PhaseAssignment.assign(s, targets, 6), labels);
	}

	@Test
	void invalidInputIsRejected() {
		final float[][][] s = scores(Volumes.random(29), 3, 2, 5, 0);
		assertMessage(() -> PhaseAssignment.assign(s, new long[] { 5, 5 }, 0), "[5, 5]");
		assertMessage(() -> PhaseAssignment.assign(s, new long[] { 5, 6, -1 }, 0), "-1");
		assertMessage(() -> PhaseAssignment.assign(s, new long[] { 5, 5, 1 }, 0), "11");
		assertMessage(() -> PhaseAssignment.assign(s, new long[] { 5, 5, 1 }, 0), "10 voxels");
		s[2][1][3] = Float.NaN;
		assertMessage(() -> PhaseAssignment.assign(s, new long[] { 5, 5, 0 }, 0), "phase 2");
		assertMessage(() -> PhaseAssignment.assign(s, new long[] { 5, 5, 0 }, 0), "z=1, i=3");
		assertMessage(() -> PhaseAssignment.assign(new float[9][2][5], new long[9], 0), "9 phases");
		assertMessage(() -> PhaseAssignment.assign(new float[][][] { new float[2][5], new float[2][4] },
			new long[] { 5, 5 }, 0), "phase 1");
	}

	private static void assertMessage(final org.junit.jupiter.api.function.Executable call,
		final String part)
	{
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
		assertTrue(e.getMessage().contains(part), e.getMessage());
	}
}
