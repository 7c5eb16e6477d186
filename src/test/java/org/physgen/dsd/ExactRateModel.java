package org.physgen.dsd;

import java.util.HashMap;
import java.util.Map;

import org.physgen.lattice.Schedule;

/**
 * Closed-form reverse rates of the data set made of one volume x0 (SPEC 10.6a): a particle at x
 * hops to x + d at rate {@code r rho_t(x + d) / rho_t(x)}, where {@code rho_t = sum_i p_t(. | x0_i)}
 * is the forward kernel applied to the volume's occupancy of that channel. It is the expectation of
 * the training target given the counts, so sampling with it must bring every particle back onto an
 * occupied voxel of x0. A test oracle: the reference that checks the sampler without a network.
 */
public final class ExactRateModel implements RateModel {

	private static final Direction[] DIRECTIONS = Direction.values();

	private final Grid grid;
	private final double rate;
	private final Schedule schedule;
	private final double[][] occupancy;

	/**
	 * @param volume label slices of x0, phase indices
	 */
	public ExactRateModel(final Grid grid, final ChannelMap channels, final byte[][] volume,
		final double rate, final Schedule schedule)
	{
		this.grid = grid;
		this.rate = rate;
		this.schedule = schedule;
		occupancy = new double[channels.channels()][grid.voxels()];
		final int sliceLength = grid.sliceLength();
		for (int z = 0; z < grid.sizeZ(); z++) {
			for (int i = 0; i < sliceLength; i++) {
				final int c = channels.channelOf(volume[z][i] & 0xFF);
				if (c >= 0) occupancy[c][z * sliceLength + i] = 1;
			}
		}
	}

	@Override
	public void rates(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] rates)
	{
		if (shape.channels() != occupancy.length || shape.voxels() != grid.voxels()) {
			throw new IllegalArgumentException("batch shape does not match the exact model's volume");
		}
		final Map<Double, float[][]> byTime = new HashMap<>();
		for (int b = 0; b < shape.batch(); b++) {
			final float[][] perChannel = byTime.computeIfAbsent(networkTime[b], this::ratesAt);
			for (int c = 0; c < occupancy.length; c++) {
				System.arraycopy(perChannel[c], 0, rates, shape.ratesOffset(b, c, Direction.PLUS_X),
					perChannel[c].length);
			}
		}
	}

	/** Rates of each channel at one network time, laid out direction-major. */
	private float[][] ratesAt(final double networkTime) {
		final double tau = rate * schedule.physicalTime(networkTime);
		final int voxels = grid.voxels();
		final float[][] result = new float[occupancy.length][Direction.COUNT * voxels];
		for (int c = 0; c < occupancy.length; c++) {
			final double[] density = KernelBlur.apply(grid, TimeKernels.atTau(grid, tau), occupancy[c]);
			for (int v = 0; v < voxels; v++) {
				if (!(density[v] > 0)) continue;
				for (final Direction d : DIRECTIONS) {
					final int next = grid.neighbour(v, d);
					if (next >= 0) result[c][d.ordinal() * voxels + v] = (float) (rate * density[next]
						/ density[v]);
				}
			}
		}
		return result;
	}
}
