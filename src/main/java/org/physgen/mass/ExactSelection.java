package org.physgen.mass;

/**
 * Exact top-k selection over planar volumes in O(N): radix selection on the order-preserving bits
 * of the scores, with ties broken by a seeded hash of the global voxel index
 * ({@code z * sliceLength + i}). -0.0 and 0.0 count as equal; infinities are ordinary values; NaN
 * is rejected. The result does not depend on the number of threads.
 */
public final class ExactSelection {

	/** Tie seed used where the caller does not choose one. */
	public static final long DEFAULT_TIE_SEED = 0x243F6A8885A308D3L;

	private ExactSelection() {}

	/**
	 * Among the voxels labelled {@code fromLabel}, gives {@code toLabel} to exactly the {@code k}
	 * with the largest scores. Equal scores are ordered by a hash of the voxel index seeded with
	 * {@code tieSeed}.
	 *
	 * @throws IllegalArgumentException if shapes disagree, a candidate's score is NaN, or k is
	 *           negative or larger than the number of candidates
	 */
	public static void select(final float[][] scores, final byte[][] labels, final int fromLabel,
		final int toLabel, final long k, final long tieSeed)
	{
		select(scores, labels, fromLabel, toLabel, k, new TieHash(tieSeed));
	}

	static void select(final float[][] scores, final byte[][] labels, final int fromLabel,
		final int toLabel, final long k, final TieHash tieHash)
	{
		final int sliceLength = Planar.sliceLength(scores, "scores");
		Planar.checkLabels(labels, scores.length, sliceLength);
		Planar.checkLabelValue("fromLabel", fromLabel);
		Planar.checkLabelValue("toLabel", toLabel);
		final RankCut cut = new RankCut(scores, null, labels, fromLabel, tieHash);
		if (k < 0 || k > cut.candidates()) {
			throw new IllegalArgumentException("cannot select k = " + k + " voxels: there are "
				+ cut.candidates() + " candidate voxels with label " + fromLabel);
		}
		if (fromLabel != toLabel) selectTop(cut, k, toLabel);
	}

	/** Gives {@code toLabel} to the k largest candidates of the cut; 0 <= k <= candidates. */
	static void selectTop(final RankCut cut, final long k, final int toLabel) {
		if (k == 0) return;
		cut.locate(k, RankCut.ALL_BITS, true);
		cut.mark(toLabel);
	}

	/**
	 * The k-th largest score (k = 1 is the maximum) among the voxels labelled {@code label}, or
	 * among all voxels when {@code labels} is null. A zero is returned as 0.0, never -0.0.
	 *
	 * @throws IllegalArgumentException if shapes disagree, a candidate's score is NaN, or k is not
	 *           in 1..candidates
	 */
	public static float kthLargest(final float[][] scores, final byte[][] labels, final int label,
		final long k)
	{
		final int sliceLength = Planar.sliceLength(scores, "scores");
		if (labels != null) {
			Planar.checkLabels(labels, scores.length, sliceLength);
			Planar.checkLabelValue("label", label);
		}
		final RankCut cut = new RankCut(scores, null, labels, labels == null ? RankCut.EVERY_VOXEL
			: label, new TieHash(0));
		if (k < 1 || k > cut.candidates()) {
			throw new IllegalArgumentException("no k-th largest score for k = " + k + ": there are "
				+ cut.candidates() + " candidate voxels");
		}
		cut.locate(k, RankCut.SCORE_BITS, false);
		return cut.value();
	}
}
