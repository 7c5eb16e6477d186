package org.physgen.mass;

/** Score gained by moving a voxel from one phase to another. */
final class Gain {

	private Gain() {}

	/** {@code to - from}, and 0 where both are the same infinity (where the difference is NaN). */
	static float of(final float to, final float from) {
		final float difference = to - from;
		return difference == difference ? difference : 0f;
	}
}
