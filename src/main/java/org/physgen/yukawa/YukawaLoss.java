package org.physgen.yukawa;

import org.physgen.dsd.BatchShape;
import org.physgen.dsd.DsdLoss;
import org.physgen.lattice.Schedule;

/**
 * The Yukawa training loss on arrays (SPEC 13), the reference the tensor objective reproduces. Per
 * item b at time index k it is the rate at which the reverse path likelihood falls short of that
 * of the targets, per particle of the crop and weighted by the time the index stands for:
 * <pre>
 * L_b = w_k · ( sum_(c,d,x) [y − R ln max(y, 1e−8) − (R − R ln R)]
 *             + sum_c (−S'(t_k) M_c) · sum_x b_c(x) ln(b_c(x) / q_c(x)) ) / M_b
 * </pre>
 * The first sum is DSD's process-likelihood divergence over the alive particles
 * ({@link DsdLoss#itemSum}); the second is the cross-entropy {@code −sum b ln q} of the birth
 * distribution less the target's own entropy (so 0 at the target), weighted by the expected births
 * per unit time so that every birth counts once. q is a softmax over the voxels of each item and
 * channel. {@code w_k = (t_k − t_(k−1))·(T − 1)}: with k uniform, the mean over items estimates the
 * integral over time of the path's divergence, the evidence bound of the reverse process.
 */
public final class YukawaLoss {

	/** Floor of q inside the logarithm, for probabilities that underflowed to 0. */
	public static final double PROBABILITY_FLOOR = 1e-30;

	private YukawaLoss() {}

	/** {@code w_k = (t_k − t_(k−1))·(T − 1)}, for k in 1..T-1. */
	public static double timeWeight(final Schedule schedule, final int k) {
		return schedule.delta(k) * (schedule.steps() - 1);
	}

	/**
	 * The mean of L_b over the batch.
	 *
	 * @param rates per-particle hop rates, {@link BatchShape} layout
	 * @param birthProbabilities q of each item and channel, counts layout, each summing to 1
	 */
	public static double of(final YukawaBatch batch, final float[] rates, final float[] birthProbabilities,
		final Schedule schedule)
	{
		final BatchShape shape = batch.alive().shape();
		if (birthProbabilities.length != shape.countsLength()) {
			throw new IllegalArgumentException("birth probabilities have " + birthProbabilities.length +
				" values, the batch " + shape.countsLength());
		}
		double sum = 0;
		for (int b = 0; b < shape.batch(); b++) {
			if (batch.particles()[b] == 0) continue;
			double item = DsdLoss.itemSum(shape, b, rates, batch.alive().counts(), batch.alive().targets());
			for (int c = 0; c < shape.channels(); c++) {
				final double weight = batch.birthWeights()[b * shape.channels() + c];
				if (weight == 0) continue;
				final int offset = shape.countsOffset(b, c);
				double crossEntropy = 0;
				for (int v = 0; v < shape.voxels(); v++) {
					final double target = batch.births()[offset + v];
					if (target > 0) crossEntropy -= target * Math.log(Math.max(birthProbabilities[offset + v],
						PROBABILITY_FLOOR));
				}
				item += weight * (crossEntropy - entropy(batch.births(), offset, shape.voxels()));
			}
			sum += timeWeight(schedule, batch.alive().timeIndex()[b]) * item / batch.particles()[b];
		}
		return sum / shape.batch();
	}

	/** Entropy {@code −sum_x b ln b} of one birth target, the cross-entropy's floor. */
	public static double entropy(final float[] births, final int offset, final int voxels) {
		double h = 0;
		for (int v = 0; v < voxels; v++) {
			final double p = births[offset + v];
			if (p > 0) h -= p * Math.log(p);
		}
		return h;
	}
}
