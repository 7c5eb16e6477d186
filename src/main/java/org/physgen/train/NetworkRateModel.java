package org.physgen.train;

import org.physgen.dsd.BatchShape;
import org.physgen.dsd.Grid;
import org.physgen.dsd.RateModel;
import org.physgen.nn.NetworkFunction;

/** DSD rates from a network: per-particle rate = r · softplus(raw output), as in training. */
final class NetworkRateModel implements RateModel {

	private final NetworkFunction network;
	private final double rate;
	private float[] raw = new float[0];

	NetworkRateModel(final NetworkFunction network, final double rate) {
		this.network = network;
		this.rate = rate;
	}

	@Override
	public void rates(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] rates)
	{
		if (raw.length != shape.ratesLength()) raw = new float[shape.ratesLength()];
		final float[] time = new float[shape.batch()];
		for (int b = 0; b < time.length; b++) time[b] = (float) networkTime[b];
		final Grid grid = shape.grid();
		network.evaluate(shape.batch(), grid.sizeX(), grid.sizeY(), grid.sizeZ(), counts, time, null, raw);
		for (int i = 0; i < raw.length; i++) rates[i] = (float) (rate * NetworkHeads.softplus(raw[i]));
	}
}
