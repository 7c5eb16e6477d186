package org.physgen.mass;

import java.util.Arrays;

/**
 * Chooses which voxels at exactly an edge's k-th gain move when only some of them may: those with
 * the largest tie hashes. The hashes of distinct voxels differ, so the choice is exact; it takes
 * one histogram pass over the top 12 bits of the hashes and one pass gathering the full hashes of
 * the single bucket where the count runs out.
 */
final class TieSplit {

	private static final int DIGIT_SHIFT = 52;
	private static final int BUCKETS = 1 << 64 - DIGIT_SHIFT;

	private TieSplit() {}

	/**
	 * For every edge of the cycle, the least tie hash (in unsigned order) among its voxels at gain
	 * {@code kth[e]} that move, so that exactly {@code take[e]} of them do; 0 where all of them move.
	 *
	 * @param tied number of voxels of each edge at gain {@code kth[e]}
	 */
	static long[] floors(final PhaseProblem problem, final int[] cycle, final float[] kth,
		final long[] take, final long[] tied)
	{
		final int edges = cycle.length;
		final boolean[] split = new boolean[edges];
		for (int e = 0; e < edges; e++) split[e] = take[e] < tied[e];
		final long[][] histogram = SliceTasks.reduce(problem.slices, problem.sliceLength, (z0,
			z1) -> {
			final long[][] part = new long[edges][];
			for (int e = 0; e < edges; e++) part[e] = split[e] ? new long[BUCKETS] : null;
			forEachTied(problem, cycle, kth, split, z0, z1, (e, hash) -> part[e][(int) (hash
				>>> DIGIT_SHIFT)]++);
			return part;
		}, TieSplit::add);
		final long[] floors = new long[edges];
		final int[] bucket = new int[edges];
		final long[] rank = new long[edges];
		for (int e = 0; e < edges; e++) {
			if (!split[e]) continue;
			long left = take[e];
			int b = BUCKETS - 1;
			while (histogram[e][b] < left) left -= histogram[e][b--];
			bucket[e] = b;
			rank[e] = left;
		}
		final HashLists inBucket = SliceTasks.reduce(problem.slices, problem.sliceLength, (z0,
			z1) -> {
			final HashLists part = new HashLists(edges);
			forEachTied(problem, cycle, kth, split, z0, z1, (e, hash) -> {
				if ((int) (hash >>> DIGIT_SHIFT) == bucket[e]) part.add(e, hash);
			});
			return part;
		}, HashLists::merge);
		for (int e = 0; e < edges; e++) {
			if (!split[e]) continue;
			// one bucket shares the sign bit, so signed order is unsigned order here
			final long[] hashes = Arrays.copyOf(inBucket.values[e], inBucket.sizes[e]);
			Arrays.sort(hashes);
			floors[e] = hashes[(int) (hashes.length - rank[e])];
		}
		return floors;
	}

	@FunctionalInterface
	private interface TiedVoxel {

		void accept(int edge, long hash);
	}

	/** Visits the voxels at the k-th gain of each split edge in slices z0..z1-1. */
	private static void forEachTied(final PhaseProblem problem, final int[] cycle,
		final float[] kth, final boolean[] split, final int z0, final int z1,
		final TiedVoxel action)
	{
		final int[] edgeOf = CycleBatch.edgeOfPhase(cycle, problem.phases);
		final float[][] rows = new float[problem.phases][];
		for (int z = z0; z < z1; z++) {
			problem.slice(z, rows);
			final byte[] lab = problem.labels[z];
			final long base = (long) z * problem.sliceLength;
			for (int i = 0; i < lab.length; i++) {
				final int e = edgeOf[lab[i]];
				if (e < 0 || !split[e]) continue;
				final float gain = Gain.of(rows[cycle[(e + 1) % cycle.length]][i], rows[lab[i]][i]);
				if (gain == kth[e]) action.accept(e, problem.tieHash.of(base + i));
			}
		}
	}

	private static long[][] add(final long[][] a, final long[][] b) {
		for (int e = 0; e < a.length; e++) {
			if (a[e] != null) PhaseProblem.add(a[e], b[e]);
		}
		return a;
	}

	/** Growable lists of hashes, one per edge. */
	private static final class HashLists {

		final long[][] values;
		final int[] sizes;

		HashLists(final int edges) {
			values = new long[edges][16];
			sizes = new int[edges];
		}

		void add(final int edge, final long hash) {
			if (sizes[edge] == values[edge].length) {
				values[edge] = Arrays.copyOf(values[edge], Math.multiplyExact(sizes[edge], 2));
			}
			values[edge][sizes[edge]++] = hash;
		}

		HashLists merge(final HashLists other) {
			for (int e = 0; e < values.length; e++) {
				for (int j = 0; j < other.sizes[e]; j++) add(e, other.values[e][j]);
			}
			return this;
		}
	}
}
