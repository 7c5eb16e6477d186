package org.physgen.model.yukawa;

import org.physgen.dsd.BatchShape;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.RateHead;
import org.physgen.yukawa.BirthHopModel;

/**
 * Yukawa hops and births from a network whose output holds, per item, the 6·C hop channels in
 * DSD's order and then C birth-logit channels: hop rates through {@link RateHead#EXP}, births as
 * the softmax of the logits over the voxels of each item and channel (in double precision).
 */
final class NetworkBirthHopModel implements BirthHopModel {

	private final NetworkFunction network;
	private final double rate;
	private float[] raw = new float[0];

	NetworkBirthHopModel(final NetworkFunction network, final double rate) {
		this.network = network;
		this.rate = rate;
	}

	@Override
	public void evaluate(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] rates, final float[] births)
	{
		final int channels = shape.channels();
		final int voxels = shape.voxels();
		final int perItem = YukawaFamily.OUTPUTS_PER_CHANNEL * channels * voxels;
		if (raw.length != shape.batch() * perItem) raw = new float[shape.batch() * perItem];
		final float[] time = new float[shape.batch()];
		for (int b = 0; b < time.length; b++) time[b] = (float) networkTime[b];
		final Grid grid = shape.grid();
		network.evaluate(shape.batch(), grid.sizeX(), grid.sizeY(), grid.sizeZ(), counts, time, null, raw);
		final int hops = Direction.COUNT * channels * voxels;
		for (int b = 0; b < shape.batch(); b++) {
			final int from = b * perItem;
			final int to = shape.ratesOffset(b, 0, Direction.PLUS_X);
			for (int i = 0; i < hops; i++) rates[to + i] = (float) RateHead.EXP.rate(raw[from + i], rate);
			for (int c = 0; c < channels; c++) softmax(raw, from + hops + c * voxels, births, shape.countsOffset(b, c), voxels);
		}
	}

	private static void softmax(final float[] logits, final int from, final float[] out, final int to, final int length) {
		double max = Double.NEGATIVE_INFINITY;
		for (int v = 0; v < length; v++) max = Math.max(max, logits[from + v]);
		double sum = 0;
		for (int v = 0; v < length; v++) sum += Math.exp(logits[from + v] - max);
		for (int v = 0; v < length; v++) out[to + v] = (float) (Math.exp(logits[from + v] - max) / sum);
	}
}
