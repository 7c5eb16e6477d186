package org.physgen.yukawa;

import org.physgen.dsd.BatchShape;

/**
 * The reverse Yukawa process of a batch of states: per-particle hop rates, as DSD's
 * {@code RateModel}, and where the next particle is born. The network (or an analytic oracle)
 * behind {@link YukawaSampler}; plain arrays, flat and channel-major like an NCDHW tensor.
 */
@FunctionalInterface
public interface BirthHopModel {

	/**
	 * @param shape batch size, channels and grid
	 * @param counts alive particles, length {@link BatchShape#countsLength()}
	 * @param networkTime the network time input k/(T-1) of each batch item
	 * @param rates output, length {@link BatchShape#ratesLength()}: the rate at which one particle of
	 *          channel c at voxel v hops in direction d (DSD layout); finite and non-negative
	 * @param births output, length {@link BatchShape#countsLength()}: the probability that a particle
	 *          of channel c born now is born at voxel v; non-negative, summing to 1 over the voxels of
	 *          each item and channel
	 */
	void evaluate(BatchShape shape, float[] counts, double[] networkTime, float[] rates, float[] births);
}
