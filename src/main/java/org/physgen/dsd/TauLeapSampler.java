package org.physgen.dsd;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.lattice.Schedule;
import org.physgen.random.RandomStreams;

/**
 * Reverse-time tau-leap integration of the DSD jump process (SPEC 4.4) from the schedule's final
 * time all the way to t = 0. In each step every particle at x hops with probability
 * {@code 1 - exp(-dt R(x))}, {@code R = sum_d rate_d}, which is exact for rates held constant over
 * the step; movers pick direction d with probability {@code rate_d / R}. Counts per channel never
 * change. Random numbers come from one stream per (step, item, channel, z slice), so results do not
 * depend on the thread count.
 */
public final class TauLeapSampler {

	private static final Direction[] DIRECTIONS = Direction.values();

	private final Grid grid;
	private final int channels;
	private final Schedule schedule;
	private final RateModel model;

	public TauLeapSampler(final Grid grid, final int channels, final Schedule schedule,
		final RateModel model)
	{
		this.grid = grid;
		this.channels = channels;
		this.schedule = schedule;
		this.model = model;
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
		final long[][] mass = masses(counts);
		final float[] countsAsFloat = new float[shape.countsLength()];
		final float[] rates = new float[shape.ratesLength()];
		final int[][][] outflow = new int[start.length][channels][Direction.COUNT * voxels];
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
			final double maxRate = restrictAndMax(shape, counts, rates, evolving);
			double dt = maxRate > 0 ? settings.tolerance().at(t) / maxRate : t;
			dt = Math.min(t, Math.max(dt, settings.minStep()));
			move(shape, counts, rates, outflow, dt, settings.seed(), step);
			assert Arrays.deepEquals(mass, masses(counts)) : "tau-leap step changed the mass";
			t = dt >= t ? 0 : t - dt;
			listener.stepped(evaluations, t, startTime);
		}
		return new SampledCounts(counts, evaluations);
	}

	/**
	 * Zeroes the rates of hops that leave the box or touch a frozen voxel, checks the rest, and
	 * returns the largest total rate of an occupied voxel.
	 */
	private double restrictAndMax(final BatchShape shape, final int[][][] counts,
		final float[] rates, final boolean[] evolving)
	{
		final int sizeX = grid.sizeX();
		final int sizeY = grid.sizeY();
		final int slice = grid.sliceLength();
		final int voxels = grid.voxels();
		return IntStream.range(0, shape.batch() * channels * grid.sizeZ()).parallel().mapToDouble(
			task -> {
				final int z = task % grid.sizeZ();
				final int b = task / grid.sizeZ() / channels;
				final int c = task / grid.sizeZ() % channels;
				final int base = shape.ratesOffset(b, c, Direction.PLUS_X);
				final int[] n = counts[b][c];
				double max = 0;
				for (int y = 0; y < sizeY; y++) {
					for (int x = 0; x < sizeX; x++) {
						final int v = x + sizeX * y + slice * z;
						double total = 0;
						for (final Direction d : DIRECTIONS) {
							final int i = base + d.ordinal() * voxels + v;
							final float r = rates[i];
							if (!(r >= 0) || Float.isInfinite(r)) {
								throw new IllegalStateException("rate model returned " + r + " at voxel " + v);
							}
							final int next = grid.neighbour(v, x, y, z, d);
							if (next < 0 || evolving != null && !(evolving[v] && evolving[next])) rates[i] = 0;
							else total += r;
						}
						if (n[v] > 0) max = Math.max(max, total);
					}
				}
				return max;
			}).max().orElse(0);
	}

	private void move(final BatchShape shape, final int[][][] counts, final float[] rates,
		final int[][][] outflow, final double dt, final long seed, final long step)
	{
		final int sizeZ = grid.sizeZ();
		final int slice = grid.sliceLength();
		final int voxels = grid.voxels();
		final int tasks = shape.batch() * channels * sizeZ;
		IntStream.range(0, tasks).parallel().forEach(task -> {
			final int z = task % sizeZ;
			final int b = task / sizeZ / channels;
			final int c = task / sizeZ % channels;
			final int base = shape.ratesOffset(b, c, Direction.PLUS_X);
			final int[] n = counts[b][c];
			final int[] out = outflow[b][c];
			final UniformRandomProvider rng = RandomStreams.of(seed, step, task);
			final double[] cumulative = new double[Direction.COUNT];
			for (int v = z * slice; v < (z + 1) * slice; v++) {
				for (int d = 0; d < Direction.COUNT; d++) {
					out[d * voxels + v] = 0;
				}
				if (n[v] == 0) continue;
				double total = 0;
				for (int d = 0; d < Direction.COUNT; d++) {
					total += rates[base + d * voxels + v];
					cumulative[d] = total;
				}
				if (total == 0) continue;
				final int movers = Binomial.draw(rng, n[v], -Math.expm1(-dt * total));
				for (int m = 0; m < movers; m++) {
					final double u = rng.nextDouble() * total;
					int d = 0;
					while (d < Direction.COUNT - 1 && (u >= cumulative[d] || rates[base + d * voxels
						+ v] == 0))
					{
						d++;
					}
					out[d * voxels + v]++;
				}
			}
		});
		IntStream.range(0, tasks).parallel().forEach(task -> {
			final int z = task % sizeZ;
			final int b = task / sizeZ / channels;
			final int c = task / sizeZ % channels;
			final int[] n = counts[b][c];
			final int[] out = outflow[b][c];
			final int sizeX = grid.sizeX();
			for (int y = 0; y < grid.sizeY(); y++) {
				for (int x = 0; x < sizeX; x++) {
					final int v = x + sizeX * y + slice * z;
					int change = 0;
					for (final Direction d : DIRECTIONS) {
						change -= out[d.ordinal() * voxels + v];
						final int source = grid.neighbour(v, x, y, z, d.opposite());
						if (source >= 0) change += out[d.ordinal() * voxels + source];
					}
					n[v] += change;
				}
			}
		});
	}

	private static long[][] masses(final int[][][] counts) {
		final long[][] mass = new long[counts.length][];
		for (int b = 0; b < counts.length; b++) {
			mass[b] = new long[counts[b].length];
			for (int c = 0; c < counts[b].length; c++) {
				for (final int n : counts[b][c]) {
					mass[b][c] += n;
				}
			}
		}
		return mass;
	}
}
