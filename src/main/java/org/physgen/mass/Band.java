package org.physgen.mass;

import java.util.Arrays;

/**
 * Solves a large problem on a band of its voxels. With offsets lambda near the dual optimum, a
 * voxel whose argmax_p (s_p + lambda_p) wins by a wide margin keeps that phase in an optimal
 * assignment, so only the voxels with the smallest margins are left to decide. They are copied
 * into a {@link Subproblem} whose targets are the counts the other voxels leave over. Optimality
 * over the whole volume is then confirmed by the caller's cycle cancelling, which finds nothing to
 * cancel unless the band was too narrow (and repairs the assignment if it was).
 */
final class Band {

	/** The band holds at least 1/MIN_SHARE of the voxels ... */
	private static final long MIN_SHARE = 32;
	/** ... and at most 1/MAX_SHARE of them, so that the copy stays small. */
	private static final long MAX_SHARE = 8;
	/** Voxels of a phase with a surplus that the band takes per voxel of surplus. */
	private static final long PER_SURPLUS = 4;
	/** Margins are grouped by their sign-free float bits above this shift. */
	private static final int BUCKET_SHIFT = 20;
	private static final int BUCKETS = (Float.floatToRawIntBits(Float.POSITIVE_INFINITY)
		>>> BUCKET_SHIFT) + 1;

	private Band() {}

	/**
	 * Labels every voxel with argmax_p (s_p + offsets_p), then, unless that hits the targets,
	 * solves the band. Returns false, with the argmax labels in place, if the band would be wider
	 * than allowed.
	 */
	static boolean solve(final PhaseProblem problem, final double[] offsets) {
		final float[][] margins = problem.buffer();
		final MarginScan scan = scan(problem, offsets, margins);
		if (Arrays.equals(scan.counts, problem.targets)) return true;
		final int[] last = lastBuckets(problem, scan);
		long size = 0;
		for (int p = 0; p < last.length; p++) size += scan.inBuckets(p, last[p]);
		if (size > Math.min(problem.voxels() / MAX_SHARE, Integer.MAX_VALUE)) return false;
		final long[] positions = new long[(int) size];
		collect(problem, margins, last, positions);
		final long[] targets = new long[problem.phases];
		for (int p = 0; p < targets.length; p++) {
			targets[p] = problem.targets[p] - scan.counts[p] + scan.inBuckets(p, last[p]);
		}
		final Subproblem band = new Subproblem(problem, positions, targets);
		PhaseAssignment.solve(band.problem, offsets.clone());
		band.writeBack(problem);
		return true;
	}

	/**
	 * Per label, the last margin bucket in the band: buckets are taken in order until the band
	 * holds 1/MIN_SHARE of the voxels, and further for each phase with a surplus until the band
	 * holds PER_SURPLUS times the surplus of its voxels (or all of them), so the band can always
	 * take up the surplus.
	 */
	private static int[] lastBuckets(final PhaseProblem problem, final MarginScan scan) {
		final int phases = problem.phases;
		final long wanted = problem.voxels() / MIN_SHARE;
		int shared = -1;
		long size = 0;
		while (size < wanted) {
			shared++;
			for (int p = 0; p < phases; p++) size += scan.buckets[p][shared];
		}
		final int[] last = new int[phases];
		for (int p = 0; p < phases; p++) {
			final long surplus = scan.counts[p] - problem.targets[p];
			final long needed = Math.min(scan.counts[p], surplus > 0 ? PER_SURPLUS * surplus : 0);
			last[p] = shared;
			long in = scan.inBuckets(p, shared);
			while (in < needed) in += scan.buckets[p][++last[p]];
		}
		return last;
	}

	private static int bucket(final float margin) {
		return (Float.floatToRawIntBits(margin) & Integer.MAX_VALUE) >>> BUCKET_SHIFT;
	}

	/** Positions of the voxels whose margin falls in the buckets 0..last[label]. */
	private static void collect(final PhaseProblem problem, final float[][] margins,
		final int[] last, final long[] positions)
	{
		int j = 0;
		for (int z = 0; z < problem.slices; z++) {
			final float[] m = margins[z];
			final byte[] lab = problem.labels[z];
			final long base = (long) z * problem.sliceLength;
			for (int i = 0; i < m.length; i++) {
				if (bucket(m[i]) <= last[lab[i]]) positions[j++] = base + i;
			}
		}
	}

	/**
	 * Labels every voxel by argmax (lowest phase on ties, as {@link PhaseProblem#labelByArgmax})
	 * and stores by how much the winner beats the runner-up.
	 */
	private static MarginScan scan(final PhaseProblem problem, final double[] offsets,
		final float[][] margins)
	{
		final int length = problem.sliceLength;
		return SliceTasks.reduce(problem.slices, length, (z0, z1) -> {
			final MarginScan part = new MarginScan(problem.phases);
			final double[] best = new double[PhaseProblem.BLOCK];
			final double[] second = new double[PhaseProblem.BLOCK];
			for (int z = z0; z < z1; z++) {
				final byte[] lab = problem.labels[z];
				final float[] out = margins[z];
				for (int start = 0; start < length; start += PhaseProblem.BLOCK) {
					final int block = Math.min(PhaseProblem.BLOCK, length - start);
					problem.argmax(z, start, block, offsets, best, second);
					for (int j = 0; j < block; j++) {
						final double margin = best[j] - second[j];
						// equal infinite values leave the margin undefined: the voxel is undecided
						final float m = margin == margin ? (float) margin : 0f;
						out[start + j] = m;
						part.buckets[lab[start + j]][bucket(m)]++;
					}
				}
				PhaseProblem.countLabels(lab, part.counts);
			}
			return part;
		}, MarginScan::merge);
	}

	/** Argmax count of each phase, and the phase's voxels in each margin bucket. */
	private static final class MarginScan {

		final long[] counts;
		final long[][] buckets;

		MarginScan(final int phases) {
			counts = new long[phases];
			buckets = new long[phases][BUCKETS];
		}

		long inBuckets(final int phase, final int last) {
			long sum = 0;
			for (int b = 0; b <= last; b++) sum += buckets[phase][b];
			return sum;
		}

		MarginScan merge(final MarginScan other) {
			PhaseProblem.add(counts, other.counts);
			for (int p = 0; p < counts.length; p++) PhaseProblem.add(buckets[p], other.buckets[p]);
			return this;
		}
	}
}
