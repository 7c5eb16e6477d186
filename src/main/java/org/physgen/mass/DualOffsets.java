package org.physgen.mass;

/**
 * Gauss-Seidel sweeps on the per-phase offsets lambda of the assignment's dual problem: each step
 * sets lambda_p so that phase p wins exactly its target number of voxels in argmax_q (s_q +
 * lambda_q) while the other offsets stay fixed, from the exact ranks of the margins
 * s_p - max_{q != p} (s_q + lambda_q).
 */
final class DualOffsets {

	private DualOffsets() {}

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
		final float[][][] scores = problem.scores;
		SliceTasks.forEachSlice(problem.slices, problem.sliceLength, z -> {
			final float[] own = scores[phase][z];
			final float[] out = margins[z];
			for (int i = 0; i < out.length; i++) {
				double rival = Double.NEGATIVE_INFINITY;
				for (int q = 0; q < scores.length; q++) {
					if (q != phase) rival = Math.max(rival, scores[q][z][i] + offsets[q]);
				}
				final double margin = own[i] - rival;
				// infinite scores on both sides leave the margin undefined; treat it as neutral
				out[i] = margin == margin ? (float) margin : 0f;
			}
		});
	}
}
