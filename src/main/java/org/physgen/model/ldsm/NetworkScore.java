package org.physgen.model.ldsm;

import java.util.Arrays;

import org.physgen.ldsm.DoubleWell;
import org.physgen.ldsm.ReferenceScale;
import org.physgen.ldsm.Score;
import org.physgen.nn.NetworkFunction;
import org.physgen.pfgm.VolumeShape;

/**
 * The local-DSM score from a network that predicts the scaled noise ε:
 * {@code s(y, t) = −ε(y, ln(t)/4, fractions) / √v_ref(t)} ({@link ReferenceScale}), conditioned on
 * each batch item's target phase fractions; with the stationary baseline, plus {@code f(y) = −U'(y)}
 * of the value's own well, the score of the prior, so that the network learns only how the score at
 * t departs from the prior's.
 */
final class NetworkScore implements Score {

	private final NetworkFunction network;
	private final float[] condition;
	private final double curvature;
	private final DoubleWell[] baseline;

	/**
	 * @param condition batch·(P-1) target fractions, or null for a network without condition
	 * @param curvature κ of the reference scale, the wells' curvature 2a
	 * @param baseline each channel's tilted well, whose drift is added to the score; null for none
	 */
	NetworkScore(final NetworkFunction network, final float[] condition, final double curvature,
		final DoubleWell[] baseline)
	{
		this.network = network;
		this.condition = condition;
		this.curvature = curvature;
		this.baseline = baseline;
	}

	@Override
	public void evaluate(final VolumeShape shape, final float[][] y, final double t, final float[][] score) {
		final int batch = y.length;
		final int length = shape.length();
		final float[] input = new float[batch * length];
		for (int b = 0; b < batch; b++) System.arraycopy(y[b], 0, input, b * length, length);
		final float[] time = new float[batch];
		Arrays.fill(time, ReferenceScale.networkTime(t));
		final float[] raw = new float[batch * length];
		network.evaluate(batch, shape.sizeX(), shape.sizeY(), shape.sizeZ(), input, time,
			network.conditionDim() == 0 ? null : condition, raw);
		final float scale = (float) (-1 / Math.sqrt(ReferenceScale.variance(curvature, t)));
		final int voxels = shape.voxels();
		for (int b = 0; b < batch; b++) {
			for (int i = 0; i < length; i++) {
				score[b][i] = scale * raw[b * length + i] + (baseline == null ? 0 : (float) baseline[i / voxels].drift(
					y[b][i]));
			}
		}
	}
}
