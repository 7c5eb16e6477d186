package org.physgen.dsd;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.physgen.lattice.Schedule;

/**
 * Reverse-time tau-leap integration of the DSD jump process (SPEC 4.4) from the schedule's final
 * time all the way to t = 0. In each step every particle at x hops with probability
 * {@code 1 - exp(-dt R(x))}, {@code R = sum_d rate_d}, which is exact for rates held constant over
 * the step; movers pick direction d with probability {@code rate_d / R}. Counts per channel never
 * change. Random numbers come from one stream per (step, item, channel, z slice), so results do not
 * depend on the thread count.
 */
public final class TauLeapSampler {

	private final Grid grid;
	private final int channels;
	private final Schedule schedule;
	private final RateModel model;
	private final HopLeap hops;

	public TauLeapSampler(final Grid grid, final int channels, final Schedule schedule,
		final RateModel model)
	{
		this.grid = grid;
		this.channels = channels;
		this.schedule = schedule;
		this.model = model;
		hops = new HopLeap(grid);
	}

	/**
	 * @param start {@code start[b][c][v]} counts of each batch item (not modified)
	 * @param evolving voxels allowed to change (inpainting mask), or null for all; nothing moves
	 *          into or out of a voxel outside the mask
	 * @param cancelled polled once per step; the run ends with a {@link CancellationException}
	 */
	public SampledCounts sample(final int[][][] start, final boolean[] evolving,
		final SamplerSettings settings, final TauLeapListener listener,
		final BooleanSupplier cancelled)
	{
		final BatchShape shape = new BatchShape(start.length, channels, grid);
		final int voxels = grid.voxels();
		if (evolving != null && evolving.length != voxels) {
			throw new IllegalArgumentException("mask has " + evolving.length + " voxels, grid " + voxels);
		}
		final int[][][] counts = new int[start.length][channels][];
		for (int b = 0; b < start.length; b++) {
			if (start[b].length != channels) throw new IllegalArgumentException("wrong channel count");
			for (int c = 0; c < channels; c++) {
				if (start[b][c].length != voxels) throw new IllegalArgumentException("wrong voxel count");
				counts[b][c] = start[b][c].clone();
			}
		}
		final long[][] mass = HopLeap.masses(counts);
		final float[] countsAsFloat = new float[shape.countsLength()];
		final float[] rates = new float[shape.ratesLength()];
		final double[] networkTime = new double[start.length];
		final double startTime = schedule.finalTime();
		double t = startTime;
		int evaluations = 0;
		for (long step = 0; t > 0; step++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("sampling cancelled at t = " + t);
			for (int b = 0; b < start.length; b++) {
				for (int c = 0; c < channels; c++) {
					final int[] n = counts[b][c];
					final int offset = shape.countsOffset(b, c);
					for (int v = 0; v < voxels; v++) {
						countsAsFloat[offset + v] = n[v];
					}
				}
			}
			Arrays.fill(networkTime, schedule.networkTimeOf(t));
			model.rates(shape, countsAsFloat, networkTime, rates);
			evaluations++;
			final double maxRate = hops.restrictAndMax(shape, counts, rates, evolving);
			double dt = maxRate > 0 ? settings.tolerance().at(t) / maxRate : t;
			dt = Math.min(t, Math.max(dt, settings.minStep()));
			hops.move(shape, counts, rates, dt, settings.seed(), step);
			assert Arrays.deepEquals(mass, HopLeap.masses(counts)) : "tau-leap step changed the mass";
			t = dt >= t ? 0 : t - dt;
			listener.stepped(evaluations, t, startTime);
		}
		return new SampledCounts(counts, evaluations);
	}
}
