package org.physgen.mass;

import java.util.Arrays;

/**
 * The moves that cancel one gaining cycle of phases: along every edge p -> q of the cycle, the k
 * voxels of p that gain most by moving to q, for the largest k whose k-th moves still gain in
 * total. A voxel can only be among them if its gain beats minus the sum of the other edges' best
 * gains, so one pass gathers just those gains into sorted lists (short unless many gains are
 * tied), from which k and each edge's k-th gain follow directly; one more pass moves the voxels.
 */
final class CycleBatch {

	private final int[] cycle;
	/** Gathered gains of each edge, ascending. */
	private final float[][] gains;
	private final long size;

	/**
	 * @param best the best gain of each edge p -> q over the voxels of p, at {@code p * phases + q}
	 */
	CycleBatch(final PhaseProblem problem, final int[] cycle, final float[] best) {
		this.cycle = cycle;
		final int phases = problem.phases;
		final float[] edgeBest = new float[cycle.length];
		double total = 0;
		for (int e = 0; e < cycle.length; e++) {
			edgeBest[e] = best[cycle[e] * phases + next(e)];
			total += edgeBest[e];
		}
		final float[] floor = new float[cycle.length];
		for (int e = 0; e < cycle.length; e++) {
			final float bound = (float) -(total - edgeBest[e]);
			// an undefined or rounded-up bound must still let the edge's best gain through
			floor[e] = bound <= edgeBest[e] ? bound : edgeBest[e];
		}
		gains = gather(problem, floor);
		long k = 0;
		long shortest = Long.MAX_VALUE;
		for (final float[] g : gains) shortest = Math.min(shortest, g.length);
		while (k < shortest && unitGain(k + 1) > 0) k++;
		size = k;
	}

	private int next(final int edge) {
		return cycle[(edge + 1) % cycle.length];
	}

	private float kth(final int edge, final long k) {
		return gains[edge][(int) (gains[edge].length - k)];
	}

	private double unitGain(final long k) {
		double total = 0;
		for (int e = 0; e < gains.length; e++) total += kth(e, k);
		return total;
	}

	/**
	 * Moves along every edge the voxels whose gain exceeds the edge's k-th gain, and as many of
	 * those at exactly that gain as complete the k, chosen by {@link TieSplit} where they are more.
	 */
	void move(final PhaseProblem problem) {
		final int edges = cycle.length;
		final float[] threshold = new float[edges];
		final long[] take = new long[edges];
		final long[] tied = new long[edges];
		boolean split = false;
		for (int e = 0; e < edges; e++) {
			final float[] g = gains[e];
			threshold[e] = kth(e, size);
			int firstTied = g.length - (int) size;
			while (firstTied > 0 && g[firstTied - 1] == threshold[e]) firstTied--;
			int pastTied = g.length - (int) size + 1;
			while (pastTied < g.length && g[pastTied] == threshold[e]) pastTied++;
			// every voxel above the threshold moves; the tied ones complete the k
			take[e] = size - (g.length - pastTied);
			tied[e] = pastTied - firstTied;
			split |= take[e] < tied[e];
		}
		final long[] floors = split ? TieSplit.floors(problem, cycle, threshold, take, tied)
			: new long[edges];
		final int[] edgeOf = edgeOfPhase(cycle, problem.phases);
		SliceTasks.forEachSlice(problem.slices, problem.sliceLength, z -> {
			final float[][] rows = new float[problem.phases][];
			problem.slice(z, rows);
			final byte[] lab = problem.labels[z];
			final long base = (long) z * problem.sliceLength;
			for (int i = 0; i < lab.length; i++) {
				final int e = edgeOf[lab[i]];
				if (e < 0) continue;
				final int to = next(e);
				final float gain = Gain.of(rows[to][i], rows[lab[i]][i]);
				if (gain > threshold[e] || gain == threshold[e] && (floors[e] == 0 || Long
					.compareUnsigned(problem.tieHash.of(base + i), floors[e]) >= 0))
				{
					lab[i] = (byte) to;
				}
			}
		});
	}

	/** Index of the edge leaving each phase of the cycle, -1 for phases off the cycle. */
	static int[] edgeOfPhase(final int[] cycle, final int phases) {
		final int[] edgeOf = new int[phases];
		Arrays.fill(edgeOf, -1);
		for (int e = 0; e < cycle.length; e++) edgeOf[cycle[e]] = e;
		return edgeOf;
	}

	private float[][] gather(final PhaseProblem problem, final float[] floor) {
		final int phases = problem.phases;
		final int[] edgeOf = edgeOfPhase(cycle, phases);
		final GainLists lists = SliceTasks.reduce(problem.slices, problem.sliceLength, (z0, z1) -> {
			final GainLists part = new GainLists(cycle.length);
			final float[][] rows = new float[phases][];
			for (int z = z0; z < z1; z++) {
				problem.slice(z, rows);
				final byte[] lab = problem.labels[z];
				for (int i = 0; i < lab.length; i++) {
					final int e = edgeOf[lab[i]];
					if (e < 0) continue;
					final float gain = Gain.of(rows[next(e)][i], rows[lab[i]][i]);
					if (gain >= floor[e]) part.add(e, gain);
				}
			}
			return part;
		}, GainLists::merge);
		final float[][] sorted = new float[cycle.length][];
		for (int e = 0; e < cycle.length; e++) {
			sorted[e] = Arrays.copyOf(lists.values[e], lists.sizes[e]);
			Arrays.sort(sorted[e]);
		}
		return sorted;
	}

	/** Growable float lists, one per edge. */
	private static final class GainLists {

		final float[][] values;
		final int[] sizes;

		GainLists(final int edges) {
			values = new float[edges][16];
			sizes = new int[edges];
		}

		void add(final int edge, final float gain) {
			if (sizes[edge] == values[edge].length) {
				values[edge] = Arrays.copyOf(values[edge], Math.multiplyExact(sizes[edge], 2));
			}
			values[edge][sizes[edge]++] = gain;
		}

		GainLists merge(final GainLists other) {
			for (int e = 0; e < values.length; e++) {
				for (int j = 0; j < other.sizes[e]; j++) add(e, other.values[e][j]);
			}
			return this;
		}
	}
}
