package org.physgen.mass;

import java.util.Arrays;

/**
 * State of one multi-phase assignment: the per-phase scores, the target counts and the labels
 * being built, plus a float buffer for margins, allocated on first use.
 */
final class PhaseProblem {

	/** Voxels per block of {@link #argmax}. */
	static final int BLOCK = 1024;

	final float[][][] scores;
	final long[] targets;
	final byte[][] labels;
	final int phases;
	final int slices;
	final int sliceLength;
	final TieHash tieHash;
	private float[][] buffer;

	PhaseProblem(final float[][][] scores, final long[] targets, final byte[][] labels,
		final int sliceLength, final long tieSeed)
	{
		this(scores, targets, labels, sliceLength, new TieHash(tieSeed));
	}

	PhaseProblem(final float[][][] scores, final long[] targets, final byte[][] labels,
		final int sliceLength, final TieHash tieHash)
	{
		this.scores = scores;
		this.targets = targets;
		this.labels = labels;
		this.phases = scores.length;
		this.slices = labels.length;
		this.sliceLength = sliceLength;
		this.tieHash = tieHash;
	}

	long voxels() {
		return (long) slices * sliceLength;
	}

	float[][] buffer() {
		if (buffer == null) buffer = new float[slices][sliceLength];
		return buffer;
	}

	/**
	 * Labels every voxel with argmax_p (s_p + offsets_p), the lowest phase on ties, and returns the
	 * resulting count of each phase.
	 */
	long[] labelByArgmax(final double[] offsets) {
		return SliceTasks.reduce(slices, sliceLength, (z0, z1) -> {
			final long[] counts = new long[phases];
			final double[] best = new double[BLOCK];
			for (int z = z0; z < z1; z++) {
				for (int start = 0; start < sliceLength; start += BLOCK) {
					argmax(z, start, Math.min(BLOCK, sliceLength - start), offsets, best, null);
				}
				countLabels(labels[z], counts);
			}
			return counts;
		}, PhaseProblem::add);
	}

	/**
	 * Labels voxels start..start+length-1 of slice z with argmax_p (s_p + offsets_p), the lowest
	 * phase on ties, and stores the winning values in {@code best} and, unless it is null, the
	 * runner-up values in {@code second}. Going phase by phase over a block of voxels, rather than
	 * voxel by voxel over the phases, leaves no chain of dependent maxima to wait on.
	 */
	void argmax(final int z, final int start, final int length, final double[] offsets,
		final double[] best, final double[] second)
	{
		final byte[] lab = labels[z];
		final float[] first = scores[0][z];
		for (int j = 0; j < length; j++) {
			best[j] = first[start + j] + offsets[0];
			lab[start + j] = 0;
		}
		if (second != null) Arrays.fill(second, 0, length, Double.NEGATIVE_INFINITY);
		for (int p = 1; p < phases; p++) {
			final float[] row = scores[p][z];
			final double offset = offsets[p];
			if (second != null) {
				for (int j = 0; j < length; j++) {
					second[j] = Math.max(second[j], Math.min(best[j], row[start + j] + offset));
				}
			}
			final byte label = (byte) p;
			for (int j = 0; j < length; j++) {
				final double value = row[start + j] + offset;
				// no branches: on noisy scores they would be mispredicted half the time
				lab[start + j] = value > best[j] ? label : lab[start + j];
				best[j] = Math.max(best[j], value);
			}
		}
	}

	/** Adds the number of voxels of each label (all below 8) in {@code lab} to {@code counts}. */
	static void countLabels(final byte[] lab, final long[] counts) {
		// one 8-bit counter per label in a long: a run of 255 voxels cannot overflow it
		for (int start = 0; start < lab.length; start += 255) {
			final int end = Math.min(lab.length, start + 255);
			long packed = 0;
			for (int i = start; i < end; i++) packed += 1L << (lab[i] << 3);
			for (int p = 0; p < counts.length; p++) counts[p] += packed >>> (p << 3) & 0xff;
		}
	}

	/** Puts slice z of every phase's scores into {@code rows}. */
	void slice(final int z, final float[][] rows) {
		for (int p = 0; p < phases; p++) rows[p] = scores[p][z];
	}

	/**
	 * Ranks the voxels of phase {@code from} by the gain of moving them to phase {@code to}.
	 */
	RankCut gainCut(final int from, final int to) {
		return new RankCut(scores[to], scores[from], labels, from, tieHash);
	}

	/** Moves the k voxels of phase {@code from} that gain most by the move to label {@code to}. */
	void moveBest(final int from, final int to, final long k, final int toLabel) {
		ExactSelection.selectTop(gainCut(from, to), k, toLabel);
	}

	static long[] add(final long[] a, final long[] b) {
		for (int p = 0; p < a.length; p++) a[p] += b[p];
		return a;
	}
}
