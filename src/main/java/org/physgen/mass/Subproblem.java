package org.physgen.mass;

/**
 * A copy of some of a problem's voxels (their scores, in the order of their positions) with target
 * counts of its own, solved apart and then written back. Ties are still broken by the hash of each
 * voxel's position in the full volume, so the copy orders equal scores as the volume would.
 */
final class Subproblem {

	final PhaseProblem problem;
	private final long[] positions;

	/**
	 * @param positions increasing voxel positions {@code z * sliceLength + i} in the parent
	 */
	Subproblem(final PhaseProblem parent, final long[] positions, final long[] targets) {
		this.positions = positions;
		final int size = positions.length;
		final float[][][] scores = new float[parent.phases][1][size];
		for (int p = 0; p < parent.phases; p++) {
			final float[][] from = parent.scores[p];
			final float[] to = scores[p][0];
			for (int j = 0; j < size; j++) {
				to[j] = from[(int) (positions[j] / parent.sliceLength)][(int) (positions[j]
					% parent.sliceLength)];
			}
		}
		problem = new PhaseProblem(scores, targets, new byte[1][size], size, new PositionTieHash(
			parent.tieHash, positions));
	}

	/** Copies the subproblem's labels to the parent's voxels. */
	void writeBack(final PhaseProblem parent) {
		final byte[] labels = problem.labels[0];
		for (int j = 0; j < positions.length; j++) {
			parent.labels[(int) (positions[j] / parent.sliceLength)][(int) (positions[j]
				% parent.sliceLength)] = labels[j];
		}
	}

	/** Hash of the parent's voxel at each position of the copy. */
	private static final class PositionTieHash extends TieHash {

		private final TieHash parent;
		private final long[] positions;

		PositionTieHash(final TieHash parent, final long[] positions) {
			super(0); // unused: the parent's hash is used instead
			this.parent = parent;
			this.positions = positions;
		}

		@Override
		long of(final long index) {
			return parent.of(positions[(int) index]);
		}
	}
}
