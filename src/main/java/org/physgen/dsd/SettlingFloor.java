package org.physgen.dsd;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The small-time limit of the exact reverse rates, enforced as a floor on a model's rates while
 * particles settle onto voxels. Every volume of the data has at most one particle per voxel, so a
 * voxel holding N ≥ 2 particles (all channels together) at a small forward time t received N − 1
 * of them by one forward hop each, from a neighbour that is empty now; a hop that happened at a
 * uniform time in [0, t] is undone at the reverse hazard 1/t. The exact reverse process therefore
 * moves particles off such a voxel onto its empty neighbours at the total rate (N − 1)/t, up to
 * terms of order r·t (SPEC 4.3). A network that learned less than that leaves particles stacked
 * at t = 0 for the occupancy repair.
 * <p>
 * Where the model's total rate from a crowded voxel to its empty neighbours falls short of
 * (N − 1)/t, those rates are scaled up to it, keeping the model's split between channels and
 * directions (which neighbour the particle came from is the model's knowledge); where the model
 * gives them no rate at all, the floor is shared equally. Larger model rates, hops onto occupied
 * voxels and voxels holding one particle are left as they are.
 */
public final class SettlingFloor implements RateModel {

	private static final Direction[] DIRECTIONS = Direction.values();

	private final RateModel rates;
	private final DoubleUnaryOperator physicalTime;
	private final double untilNetworkTime;
	private float[] occupancy = new float[0];

	/**
	 * @param rates the model's rates
	 * @param physicalTime physical time t of a network time (the schedule's)
	 * @param untilNetworkTime the floor applies to batch items at network times below this one
	 */
	public SettlingFloor(final RateModel rates, final DoubleUnaryOperator physicalTime,
		final double untilNetworkTime)
	{
		this.rates = rates;
		this.physicalTime = physicalTime;
		this.untilNetworkTime = untilNetworkTime;
	}

	@Override
	public void rates(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] out)
	{
		rates.rates(shape, counts, networkTime, out);
		final Grid grid = shape.grid();
		final int voxels = grid.voxels();
		if (occupancy.length != voxels) occupancy = new float[voxels];
		for (int b = 0; b < shape.batch(); b++) {
			if (!(networkTime[b] < untilNetworkTime)) continue;
			final double t = physicalTime.applyAsDouble(networkTime[b]);
			if (!(t > 0)) continue;
			Arrays.fill(occupancy, 0);
			for (int c = 0; c < shape.channels(); c++) {
				final int offset = shape.countsOffset(b, c);
				for (int v = 0; v < voxels; v++) occupancy[v] += counts[offset + v];
			}
			for (int v = 0; v < voxels; v++) {
				if (occupancy[v] >= 2) raiseOutflow(shape, b, v, counts, t, out);
			}
		}
	}

	private void raiseOutflow(final BatchShape shape, final int b, final int v, final float[] counts,
		final double t, final float[] out)
	{
		final Grid grid = shape.grid();
		double learned = 0;
		int emptyHops = 0;
		for (final Direction d : DIRECTIONS) {
			if (!emptyNeighbour(grid, v, d)) continue;
			emptyHops++;
			for (int c = 0; c < shape.channels(); c++) {
				learned += (double) out[shape.ratesOffset(b, c, d) + v] * counts[shape.countsOffset(b, c) + v];
			}
		}
		final double floor = (occupancy[v] - 1) / t;
		if (emptyHops == 0 || learned >= floor) return;
		for (final Direction d : DIRECTIONS) {
			if (!emptyNeighbour(grid, v, d)) continue;
			for (int c = 0; c < shape.channels(); c++) {
				final float n = counts[shape.countsOffset(b, c) + v];
				if (n <= 0) continue;
				final int i = shape.ratesOffset(b, c, d) + v;
				out[i] = (float) (learned > 0 ? out[i] * floor / learned : floor / (emptyHops * occupancy[v]));
			}
		}
	}

	/** Whether the neighbour of v in direction d exists and holds no particle of any channel. */
	private boolean emptyNeighbour(final Grid grid, final int v, final Direction d) {
		final int next = grid.neighbour(v, d);
		return next >= 0 && occupancy[next] == 0;
	}
}
