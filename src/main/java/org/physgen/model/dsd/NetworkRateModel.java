package org.physgen.model.dsd;

import org.physgen.dsd.BatchShape;
import org.physgen.dsd.Grid;
import org.physgen.dsd.RateModel;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.RateHead;

/** DSD rates from a network: per-particle rate from the raw output through the model's head. */
final class NetworkRateModel implements RateModel {

	private final NetworkFunction network;
	private final double rate;
	private final RateHead head;
	private float[] raw = new float[0];

	NetworkRateModel(final NetworkFunction network, final double rate, final RateHead head) {
		this.network = network;
		this.rate = rate;
		this.head = head;
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
		for (int i = 0; i < raw.length; i++) rates[i] = (float) head.rate(raw[i], rate);
	}
}
