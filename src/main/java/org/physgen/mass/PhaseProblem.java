package org.physgen.mass;

/**
 * State of one multi-phase assignment: the per-phase scores, the target counts and the labels
 * being built, plus a float buffer for margins, allocated on first use.
 */
final class PhaseProblem {

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
		this.scores = scores;
		this.targets = targets;
		this.labels = labels;
		this.phases = scores.length;
		this.slices = labels.length;
		this.sliceLength = sliceLength;
		this.tieHash = new TieHash(tieSeed);
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
			for (int z = z0; z < z1; z++) {
				final byte[] lab = labels[z];
				for (int i = 0; i < sliceLength; i++) {
					int best = 0;
					double bestValue = scores[0][z][i] + offsets[0];
					for (int p = 1; p < phases; p++) {
						final double value = scores[p][z][i] + offsets[p];
						if (value > bestValue) {
							best = p;
							bestValue = value;
						}
					}
					lab[i] = (byte) best;
					counts[best]++;
				}
			}
			return counts;
		}, PhaseProblem::add);
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

	/** Replaces every label l by {@code map[l]}. */
	void relabel(final byte[] map) {
		SliceTasks.forEachSlice(slices, sliceLength, z -> {
			final byte[] lab = labels[z];
			for (int i = 0; i < sliceLength; i++) lab[i] = map[lab[i] & 0xff];
		});
	}

	static long[] add(final long[] a, final long[] b) {
		for (int p = 0; p < a.length; p++) a[p] += b[p];
		return a;
	}
}
