package org.physgen.mass;

import java.util.Arrays;

import org.physgen.random.RandomStreams;

/**
 * Gauss-Seidel sweeps on the per-phase offsets lambda of the assignment's dual problem: each step
 * sets lambda_p so that phase p wins exactly its target number of voxels in argmax_q (s_q +
 * lambda_q) while the other offsets stay fixed, from the exact ranks of the margins
 * s_p - max_{q != p} (s_q + lambda_q). On large problems the sweeps run on an evenly spread sample
 * of the voxels with proportional targets: that places the offsets about as well as the band of
 * {@link Band} needs, at a small fraction of the cost.
 */
final class DualOffsets {

	/** Problems with more voxels than this get their offsets from a sample. */
	static final long SAMPLE_ABOVE = 1 << 18;

	private static final int SWEEPS = 3;
	private static final long SAMPLE_VOXELS = 1 << 16;

	private DualOffsets() {}

	/**
	 * Sweeps until argmax hits the targets, at most {@value #SWEEPS} times.
	 *
	 * @param counts the argmax counts under the given offsets
	 * @return the argmax counts under the final offsets (the labels hold that argmax)
	 */
	static long[] sweeps(final PhaseProblem problem, final double[] offsets, long[] counts) {
		for (int sweep = 0; sweep < SWEEPS && !Arrays.equals(counts, problem.targets); sweep++) {
			sweep(problem, offsets);
			counts = problem.labelByArgmax(offsets);
		}
		return counts;
	}

	/**
	 * {@link #sweeps} on a stratified sample: one voxel at a hashed place in each run of k
	 * consecutive voxels. Runs of a fixed length without the hashed place (every k-th voxel) would
	 * follow a few lines through the volume and miss most of its structure.
	 */
	static void sweepSample(final PhaseProblem problem, final double[] offsets) {
		final long voxels = problem.voxels();
		final long run = voxels / SAMPLE_VOXELS;
		final long[] positions = new long[(int) (voxels / run)];
		for (int j = 0; j < positions.length; j++) {
			positions[j] = j * run + Long.remainderUnsigned(RandomStreams.mix(j), run);
		}
		final long[] targets = sampleTargets(problem.targets, positions.length, voxels);
		final PhaseProblem sample = new Subproblem(problem, positions, targets).problem;
		sweeps(sample, offsets, sample.labelByArgmax(offsets));
	}

	/**
	 * Targets in proportion to the sample size; a phase with a target keeps at least one sampled
	 * voxel, so that its offset still lands near the voxels it is to win.
	 */
	private static long[] sampleTargets(final long[] targets, final long sampled,
		final long voxels)
	{
		final long[] scaled = new long[targets.length];
		int largest = 0;
		long sum = 0;
		for (int p = 0; p < targets.length; p++) {
			if (targets[p] > 0) {
				scaled[p] = Math.max(1, Math.round((double) targets[p] * sampled / voxels));
			}
			sum += scaled[p];
			if (targets[p] > targets[largest]) largest = p;
		}
		scaled[largest] += sampled - sum;
		return scaled;
	}

	static void sweep(final PhaseProblem problem, final double[] offsets) {
		final long voxels = problem.voxels();
		if (voxels == 0) return;
		final float[][] margins = problem.buffer();
		for (int p = 0; p < problem.phases; p++) {
			fillMargins(problem, offsets, p, margins);
			final long target = problem.targets[p];
			final RankCut ranks = new RankCut(margins, null, null, RankCut.EVERY_VOXEL,
				problem.tieHash);
			if (target == 0) {
				final double top = valueAt(ranks, 1);
				if (Double.isFinite(top)) offsets[p] = -top - Math.max(1, Math.abs(top));
			}
			else if (target == voxels) {
				final double bottom = valueAt(ranks, voxels);
				if (Double.isFinite(bottom)) offsets[p] = -bottom + Math.max(1, Math.abs(bottom));
			}
			else {
				final double last = valueAt(ranks, target);
				final double next = valueAt(ranks, target + 1);
				if (Double.isFinite(last) && Double.isFinite(next)) offsets[p] = -(0.5 * last + 0.5
					* next);
			}
		}
	}

	private static double valueAt(final RankCut ranks, final long k) {
		ranks.locate(k, RankCut.SCORE_BITS, false);
		return ranks.value();
	}

	private static void fillMargins(final PhaseProblem problem, final double[] offsets,
		final int phase, final float[][] margins)
	{
		final int phases = problem.phases;
		SliceTasks.forEachSlice(problem.slices, problem.sliceLength, z -> {
			final float[][] rows = new float[phases][];
			problem.slice(z, rows);
			final float[] own = rows[phase];
			final float[] out = margins[z];
			for (int i = 0; i < out.length; i++) {
				double rival = Double.NEGATIVE_INFINITY;
				for (int q = 0; q < phases; q++) {
					if (q != phase) rival = Math.max(rival, rows[q][i] + offsets[q]);
				}
				final double margin = own[i] - rival;
				// infinite scores on both sides leave the margin undefined; treat it as neutral
				out[i] = margin == margin ? (float) margin : 0f;
			}
		});
	}
}
