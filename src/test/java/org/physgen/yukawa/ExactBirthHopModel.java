package org.physgen.yukawa;

import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.Grid;
import org.physgen.dsd.KernelBlur;
import org.physgen.lattice.Schedule;

/**
 * Closed-form reverse Yukawa process of the data set made of one volume x0 (SPEC 13, oracle 3; the
 * birth/death twin of DSD's {@link ExactRateModel}). Hops: the DSD mean-field rates
 * {@code r rho_t(x + d) / rho_t(x)}, {@code rho_t = p_t * occupancy}; deaths are independent of
 * positions, so an alive particle is one of x0's particles drawn uniformly and the survival factor
 * cancels. Births: where a dead particle is, the blur of the dead origins, with each origin o dead
 * with the weight {@code 1 − a_o} it has left once the alive particles are attributed to origins by
 * their posterior, {@code a_o = sum_x n(x) p_t(x | o) / rho_t(x)} (clipped to [0, 1]). As t → 0 the
 * kernel becomes the identity and births go exactly to the origins no particle sits on. A test
 * oracle: the reference that checks the sampler without a network.
 */
final class ExactBirthHopModel implements BirthHopModel {

	/** Cap on the balancing updates per evaluation, item and channel. */
	private static final int UPDATES = 200;
	/** Balancing stops when no origin explains more than 1 + this many alive particles. */
	private static final double TOLERANCE = 1e-3;

	/** Bound on a rate whose density ratio overflows a float where the density is all but 0. */
	private static final double MAX_RATE = 1e30;

	private final Grid grid;
	private final double rate;
	private final Schedule schedule;
	private final double[][] occupancy;

	/** @param volume label slices of x0, phase indices */
	ExactBirthHopModel(final Grid grid, final ChannelMap channels, final byte[][] volume, final double rate,
		final Schedule schedule)
	{
		this.grid = grid;
		this.rate = rate;
		this.schedule = schedule;
		occupancy = new double[channels.channels()][grid.voxels()];
		for (int v = 0; v < grid.voxels(); v++) {
			final int c = channels.channelOf(volume[v / grid.sliceLength()][v % grid.sliceLength()] & 0xFF);
			if (c >= 0) occupancy[c][v] = 1;
		}
	}

	@Override
	public void evaluate(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] rates, final float[] births)
	{
		final int voxels = grid.voxels();
		for (int b = 0; b < shape.batch(); b++) {
			final double tau = rate * schedule.physicalTime(networkTime[b]);
			for (int c = 0; c < occupancy.length; c++) {
				final int offset = shape.countsOffset(b, c);
				final double[] weight = occupancy[c].clone();
				double[] density = KernelBlur.apply(grid, tau, weight);
				double[] attributed = attributed(counts, offset, weight, density, tau);
				for (int update = 0; update < UPDATES && max(attributed) > 1 + TOLERANCE; update++) {
					for (int v = 0; v < voxels; v++) {
						if (weight[v] > 0 && attributed[v] > 1) weight[v] /= attributed[v];
					}
					density = KernelBlur.apply(grid, tau, weight);
					attributed = attributed(counts, offset, weight, density, tau);
				}
				for (final Direction d : Direction.values()) {
					final int out = shape.ratesOffset(b, c, d);
					for (int v = 0; v < voxels; v++) {
						final int next = grid.neighbour(v, d);
						rates[out + v] = next < 0 || !(density[v] > 0) ? 0 : (float) Math.min(MAX_RATE,
							rate * density[next] / density[v]);
					}
				}
				final double[] dead = new double[voxels];
				double total = 0;
				for (int v = 0; v < voxels; v++) {
					dead[v] = occupancy[c][v] * Math.max(0, 1 - attributed[v]);
					total += dead[v];
				}
				if (!(total > 0)) System.arraycopy(occupancy[c], 0, dead, 0, voxels);
				final double[] where = KernelBlur.apply(grid, tau, dead);
				double sum = 0;
				for (final double w : where) sum += w;
				for (int v = 0; v < voxels; v++) births[offset + v] = (float) (where[v] / sum);
			}
		}
	}

	/**
	 * Alive particles each origin explains, {@code a_o = u_o sum_x n(x) p_t(x | o) / rho_u(x)} (the
	 * kernel is symmetric, so the sum is a blur).
	 */
	private double[] attributed(final float[] counts, final int offset, final double[] weight,
		final double[] density, final double tau)
	{
		final double[] pull = new double[grid.voxels()];
		for (int v = 0; v < pull.length; v++) {
			if (counts[offset + v] > 0 && density[v] > 0) pull[v] = counts[offset + v] / density[v];
		}
		final double[] a = KernelBlur.apply(grid, tau, pull);
		for (int v = 0; v < a.length; v++) a[v] *= weight[v];
		return a;
	}

	private static double max(final double[] values) {
		double max = 0;
		for (final double x : values) max = Math.max(max, x);
		return max;
	}
}
