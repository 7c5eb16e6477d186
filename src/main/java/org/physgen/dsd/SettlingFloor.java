package org.physgen.dsd;

import java.util.Arrays;
import java.util.function.DoubleUnaryOperator;

/**
 * The small-time limit of the exact reverse rates, enforced as a floor on a model's rates while
 * particles settle onto voxels. Every volume of the data has at most one particle per voxel, so a
 * voxel holding N ≥ 2 particles (all channels together) at a small forward time t received N − 1
 * of them by forward hops. Next to an empty voxel, by one hop each from a neighbour that is empty
 * now; a hop that happened at a uniform time in [0, t] is undone at the reverse hazard 1/t, so the
 * exact reverse process moves particles off such a voxel onto its empty neighbours at the total
 * rate (N − 1)/t, up to terms of order r·t (SPEC 4.3). Inside a crowded pore body, k ≥ 2 lattice
 * steps from the nearest empty voxel, the most probable history is a chain of k hops along a
 * shortest path from that hole, each particle passing one voxel on; of the k hops at uniform times
 * the last is undone first at the hazard k/t, and it is the crowded voxel's own hop in one case of
 * k, so the crowded voxel again empties at (N − 1)/t, onto its neighbours one step closer to the
 * hole. A network that learned less than that leaves particles stacked at t = 0 for the occupancy
 * repair.
 * <p>
 * Where the model's total rate from a crowded voxel towards the nearest empty voxels (onto its
 * neighbours one lattice step closer to them, i.e. onto its empty neighbours when it has any) falls
 * short of (N − 1)/t, those rates are scaled up to it, keeping the model's split between channels
 * and directions (which neighbour the particle came from is the model's knowledge); where the model
 * gives them no rate at all, the floor is shared equally. Larger model rates, other hops and voxels
 * holding one particle are left as they are.
 */
public final class SettlingFloor implements RateModel {

	private static final Direction[] DIRECTIONS = Direction.values();

	private final RateModel rates;
	private final DoubleUnaryOperator physicalTime;
	private final double untilNetworkTime;
	private float[] occupancy = new float[0];
	private int[] distance = new int[0];
	private int[] queue = new int[0];

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
		if (occupancy.length != voxels) {
			occupancy = new float[voxels];
			distance = new int[voxels];
			queue = new int[voxels];
		}
		for (int b = 0; b < shape.batch(); b++) {
			if (!(networkTime[b] < untilNetworkTime)) continue;
			final double t = physicalTime.applyAsDouble(networkTime[b]);
			if (!(t > 0)) continue;
			Arrays.fill(occupancy, 0);
			for (int c = 0; c < shape.channels(); c++) {
				final int offset = shape.countsOffset(b, c);
				for (int v = 0; v < voxels; v++) occupancy[v] += counts[offset + v];
			}
			if (!crowded()) continue;
			distancesToEmptyVoxels(grid);
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
		int towardHops = 0;
		for (final Direction d : DIRECTIONS) {
			if (!towardEmpty(grid, v, d)) continue;
			towardHops++;
			for (int c = 0; c < shape.channels(); c++) {
				learned += (double) out[shape.ratesOffset(b, c, d) + v] * counts[shape.countsOffset(b, c) + v];
			}
		}
		final double floor = (occupancy[v] - 1) / t;
		if (towardHops == 0 || learned >= floor) return;
		for (final Direction d : DIRECTIONS) {
			if (!towardEmpty(grid, v, d)) continue;
			for (int c = 0; c < shape.channels(); c++) {
				final float n = counts[shape.countsOffset(b, c) + v];
				if (n <= 0) continue;
				final int i = shape.ratesOffset(b, c, d) + v;
				out[i] = (float) (learned > 0 ? out[i] * floor / learned : floor / (towardHops * occupancy[v]));
			}
		}
	}

	private boolean crowded() {
		for (final float n : occupancy) {
			if (n >= 2) return true;
		}
		return false;
	}

	/**
	 * Lattice steps from every voxel to the nearest voxel holding no particle (0 on those,
	 * {@link Integer#MAX_VALUE} where there is none), breadth first from all of them at once.
	 */
	private void distancesToEmptyVoxels(final Grid grid) {
		int tail = 0;
		for (int v = 0; v < occupancy.length; v++) {
			distance[v] = occupancy[v] == 0 ? 0 : Integer.MAX_VALUE;
			if (distance[v] == 0) queue[tail++] = v;
		}
		for (int head = 0; head < tail; head++) {
			final int v = queue[head];
			for (final Direction d : DIRECTIONS) {
				final int next = grid.neighbour(v, d);
				if (next < 0 || distance[next] != Integer.MAX_VALUE) continue;
				distance[next] = distance[v] + 1;
				queue[tail++] = next;
			}
		}
	}

	/** Whether the neighbour of v in direction d exists and is one lattice step closer to an empty voxel. */
	private boolean towardEmpty(final Grid grid, final int v, final Direction d) {
		final int next = grid.neighbour(v, d);
		return next >= 0 && distance[v] != Integer.MAX_VALUE && distance[next] == distance[v] - 1;
	}
}
