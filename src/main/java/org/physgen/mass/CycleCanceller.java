package org.physgen.mass;

import java.util.Arrays;

/**
 * Improves an assignment with exact counts until it is optimal. The assignment is a min-cost flow
 * from voxels to phases; it is optimal exactly when no cycle of moves p1 -> p2 -> ... -> p1 (one
 * voxel out of each phase on the cycle into the next) has a positive total gain. Along an edge
 * p -> q the best gain is max over voxels of p of (s_q - s_p), so only P phase nodes need
 * searching. Each round cancels the best cycle, moving in one batch the k best voxels along every
 * edge for the largest k whose k-th moves still gain in total (see {@link CycleBatch}).
 */
final class CycleCanceller {

	/** Guards against endless loops caused by float rounding in the gains. */
	static final int MAX_ROUNDS = 1000;

	private CycleCanceller() {}

	/** Cancels positive cycles; returns the number of rounds that moved voxels. */
	static int run(final PhaseProblem problem) {
		for (int round = 0; round < MAX_ROUNDS; round++) {
			final EdgeScan scan = scanEdges(problem);
			final int[] cycle = bestCycle(scan, problem.phases);
			if (cycle == null) return round;
			new CycleBatch(problem, cycle, scan.best).move(problem);
		}
		return MAX_ROUNDS;
	}

	/** The simple cycle of phases with the largest positive total gain, or null if none. */
	static int[] bestCycle(final EdgeScan scan, final int phases) {
		final CycleSearch search = new CycleSearch(scan, phases);
		for (int start = 0; start < phases; start++) {
			if (scan.counts[start] > 0) search.from(start);
		}
		return search.best;
	}

	static EdgeScan scanEdges(final PhaseProblem problem) {
		final int phases = problem.phases;
		return SliceTasks.reduce(problem.slices, problem.sliceLength, (z0, z1) -> {
			final EdgeScan part = new EdgeScan(phases);
			final float[][] rows = new float[phases][];
			for (int z = z0; z < z1; z++) {
				problem.slice(z, rows);
				final byte[] lab = problem.labels[z];
				for (int i = 0; i < lab.length; i++) {
					final int from = lab[i];
					final float own = rows[from][i];
					for (int to = 0; to < phases; to++) {
						// the move to the own phase gains 0 and is never read; a new best is rare, so
						// the branch is well predicted
						final float gain = Gain.of(rows[to][i], own);
						if (gain > part.best[from * phases + to]) part.best[from * phases + to] = gain;
					}
				}
				PhaseProblem.countLabels(lab, part.counts);
			}
			return part;
		}, EdgeScan::merge);
	}

	/** Per phase: voxel count, and per ordered pair of phases the best gain of a single move. */
	static final class EdgeScan {

		final long[] counts;
		final float[] best;

		EdgeScan(final int phases) {
			counts = new long[phases];
			best = new float[phases * phases];
			Arrays.fill(best, Float.NEGATIVE_INFINITY);
		}

		EdgeScan merge(final EdgeScan other) {
			for (int p = 0; p < counts.length; p++) counts[p] += other.counts[p];
			for (int e = 0; e < best.length; e++) best[e] = Math.max(best[e], other.best[e]);
			return this;
		}
	}

	/** Depth-first enumeration of simple cycles, each visited once from its smallest phase. */
	private static final class CycleSearch {

		private final EdgeScan scan;
		private final int phases;
		private final int[] path;
		private final boolean[] onPath;
		private int start;
		int[] best;
		private double bestGain;

		CycleSearch(final EdgeScan scan, final int phases) {
			this.scan = scan;
			this.phases = phases;
			path = new int[phases];
			onPath = new boolean[phases];
		}

		void from(final int phase) {
			start = phase;
			path[0] = phase;
			onPath[phase] = true;
			extend(1, 0);
			onPath[phase] = false;
		}

		private void extend(final int length, final double gain) {
			final int last = path[length - 1];
			if (length >= 2) {
				final double total = gain + scan.best[last * phases + start];
				if (total > 0 && (best == null || total > bestGain)) {
					best = Arrays.copyOf(path, length);
					bestGain = total;
				}
			}
			for (int next = start + 1; next < phases; next++) {
				if (onPath[next] || scan.counts[next] == 0) continue;
				onPath[next] = true;
				path[length] = next;
				extend(length + 1, gain + scan.best[last * phases + next]);
				onPath[next] = false;
			}
		}
	}
}
