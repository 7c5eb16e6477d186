package org.physgen.ldsm;

import org.physgen.pfgm.VolumeShape;

/**
 * The score {@code s(y, t) = ∂/∂y log p_t(y)} of the forward marginal, elementwise for every voxel
 * and channel of a batch of samples in the layout of {@link VolumeShape}. The network adapter
 * implements it; the tests implement it from an exact Fokker–Planck solution.
 */
@FunctionalInterface
public interface Score {

	/**
	 * Writes into {@code score[b]} the score of {@code y[b]} at time t, for every b of the batch.
	 * {@code y} must not be modified.
	 */
	void evaluate(VolumeShape shape, float[][] y, double t, float[][] score);
}
