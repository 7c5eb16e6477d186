package org.physgen.mass;

import java.util.Arrays;

/**
 * Multi-phase exact-mass projection: labels every voxel with a phase so that each phase gets
 * exactly its target count while the total score sum_x s_{p(x)}(x) is as large as possible.
 *
 * <p>Steps: plain argmax, ties to the lowest phase (returned as is when it already hits the
 * targets); a few Gauss-Seidel sweeps on per-phase offsets lambda_p so that argmax_p (s_p +
 * lambda_p) comes close to the targets; a greedy exact rebalance of surplus phases into deficit
 * phases; then cancelling of improving cycles of moves between phases, which ends at an optimal
 * assignment. On large volumes the sweeps run on a sample, and only a band of voxels whose argmax
 * wins by a small margin goes through the later steps as a volume of its own (see {@link Band}),
 * before cycle cancelling over the whole volume confirms optimality. Counts are exact for every
 * input. Optimality is with respect to the gains s_q - s_p as computed in float (exact whenever
 * those differences are representable, for example for integer-valued scores or scores within a
 * factor of two of each other), and holds unless a guard of 1000 cancelling rounds stops first.
 * Ties are broken by a seeded hash of the voxel index; results do not depend on the thread
 * count.</p>
 */
public final class PhaseAssignment {

	private PhaseAssignment() {}

	/** {@link #assign(float[][][], long[], long)} with {@link ExactSelection#DEFAULT_TIE_SEED}. */
	public static byte[][] assign(final float[][][] scores, final long[] targets) {
		return assign(scores, targets, ExactSelection.DEFAULT_TIE_SEED);
	}

	/**
	 * @param scores per phase, one float[] per z slice: {@code scores[p][z][i]}
	 * @param targets voxel count of each phase, summing to the number of voxels
	 * @return new labels, one byte[] per z slice, with exactly {@code targets[p]} voxels of phase p
	 */
	public static byte[][] assign(final float[][][] scores, final long[] targets,
		final long tieSeed)
	{
		final int sliceLength = checkScores(scores);
		final byte[][] labels = new byte[scores[0].length][sliceLength];
		solve(scores, targets, tieSeed, labels, sliceLength);
		return labels;
	}

	/**
	 * Writes the assignment into {@code labels} (shape of one phase's scores); its previous content
	 * is ignored.
	 */
	public static void assign(final float[][][] scores, final long[] targets, final long tieSeed,
		final byte[][] labels)
	{
		final int sliceLength = checkScores(scores);
		Planar.checkLabels(labels, scores[0].length, sliceLength);
		solve(scores, targets, tieSeed, labels, sliceLength);
	}

	private static void solve(final float[][][] scores, final long[] targets, final long tieSeed,
		final byte[][] labels, final int sliceLength)
	{
		checkTargets(targets, scores.length, (long) labels.length * sliceLength);
		solve(new PhaseProblem(scores, targets, labels, sliceLength, tieSeed), new double[
			scores.length]);
	}

	/** Solves the problem starting from the given offsets (which it changes). */
	static void solve(final PhaseProblem problem, final double[] offsets) {
		final long[] counts = problem.labelByArgmax(offsets);
		if (Arrays.equals(counts, problem.targets)) return;
		if (problem.voxels() <= DualOffsets.SAMPLE_ABOVE) {
			rebalance(problem, DualOffsets.sweeps(problem, offsets, counts));
		}
		else {
			DualOffsets.sweepSample(problem, offsets);
			if (!Band.solve(problem, offsets)) rebalance(problem, problem.labelByArgmax(offsets));
		}
		CycleCanceller.run(problem);
	}

	/** Moves each surplus into deficit phases, best-gaining voxels first, until counts are exact. */
	private static void rebalance(final PhaseProblem problem, final long[] counts) {
		final long[] targets = problem.targets;
		for (int from = 0; from < counts.length; from++) {
			for (int to = 0; to < counts.length && counts[from] > targets[from]; to++) {
				if (counts[to] >= targets[to]) continue;
				final long k = Math.min(counts[from] - targets[from], targets[to] - counts[to]);
				problem.moveBest(from, to, k, to);
				counts[from] -= k;
				counts[to] += k;
			}
		}
	}

	private static int checkScores(final float[][][] scores) {
		if (scores == null || scores.length == 0) {
			throw new IllegalArgumentException("scores must hold at least one phase");
		}
		if (scores.length > PhaseCounts.MAX_PHASES) {
			throw new IllegalArgumentException("scores hold " + scores.length + " phases, at most "
				+ PhaseCounts.MAX_PHASES + " are supported");
		}
		if (scores[0] == null) throw new IllegalArgumentException("scores of phase 0 are null");
		final int slices = scores[0].length;
		final int sliceLength = Planar.sliceLength(scores[0], "scores of phase 0");
		for (int p = 1; p < scores.length; p++) {
			final int length = Planar.sliceLength(scores[p], "scores of phase " + p);
			if (scores[p].length != slices || length != sliceLength && slices > 0) {
				throw new IllegalArgumentException("scores of phase " + p + " have " + scores[p].length
					+ " slices of " + length + " voxels, phase 0 has " + slices + " of " + sliceLength);
			}
		}
		for (int p = 0; p < scores.length; p++) {
			final float[][] phase = scores[p];
			final long firstNaN = SliceTasks.reduce(slices, sliceLength, (z0, z1) -> {
				for (int z = z0; z < z1; z++) {
					final float[] s = phase[z];
					for (int i = 0; i < s.length; i++) {
						if (s[i] != s[i]) return (long) z * sliceLength + i;
					}
				}
				return Long.MAX_VALUE;
			}, Math::min);
			if (firstNaN != Long.MAX_VALUE) {
				throw new IllegalArgumentException("score of phase " + p + " is NaN at voxel (z="
					+ firstNaN / sliceLength + ", i=" + firstNaN % sliceLength + "); scores must be numbers");
			}
		}
		return sliceLength;
	}

	private static void checkTargets(final long[] targets, final int phases, final long voxels) {
		if (targets == null || targets.length != phases) {
			throw new IllegalArgumentException("targets " + (targets == null ? "are null" : "have "
				+ targets.length + " values " + Arrays.toString(targets)) + " for " + phases + " phases");
		}
		long sum = 0;
		for (final long target : targets) {
			if (target < 0) {
				throw new IllegalArgumentException("targets must not be negative: " + Arrays.toString(
					targets));
			}
			sum += target;
			if (sum < 0) break;
		}
		if (sum != voxels) {
			throw new IllegalArgumentException("targets " + Arrays.toString(targets) + " sum to "
				+ (sum < 0 ? "more than 2^63" : sum) + ", the volume has " + voxels + " voxels");
		}
	}
}
