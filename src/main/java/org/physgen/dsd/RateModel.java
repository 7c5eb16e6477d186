package org.physgen.dsd;

/**
 * Per-particle reverse hop rates of a batch of DSD states: the network (or an analytic oracle)
 * behind the sampler. Plain arrays, flat and channel-major as described in {@link BatchShape}, so a
 * tensor adapter can copy them to and from an NCDHW tensor without reordering.
 */
@FunctionalInterface
public interface RateModel {

	/**
	 * @param shape batch size, channels and grid
	 * @param counts particle counts, length {@link BatchShape#countsLength()}, at
	 *          {@code (b * C + c) * V + v}
	 * @param networkTime the network time input k/(T-1) of each batch item (see
	 *          {@code Schedule.networkTimeOf})
	 * @param rates output, length {@link BatchShape#ratesLength()}: the rate at which each single
	 *          particle of channel c at voxel v hops in direction d, at
	 *          {@code ((b * C + c) * 6 + d) * V + v}, d in {@link Direction} order; values must be
	 *          finite and non-negative
	 */
	void rates(BatchShape shape, float[] counts, double[] networkTime, float[] rates);
}
