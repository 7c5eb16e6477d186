package org.physgen.dsd;

import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.random.RandomStreams;

/**
 * The hops of one tau-leap step of the DSD reverse process (SPEC 4.4), shared by the samplers that
 * move particles between voxels: restricting the rates to the box (and an inpainting mask), the
 * step's largest total rate, and the binomial moves. Not thread-safe: it keeps the outflow buffer
 * between steps.
 */
public final class HopLeap {

	private static final Direction[] DIRECTIONS = Direction.values();

	private final Grid grid;
	private int[][][] outflow = new int[0][][];

	public HopLeap(final Grid grid) {
		this.grid = grid;
	}

	/**
	 * Zeroes the rates of hops that leave the box or touch a frozen voxel, checks the rest, and
	 * returns the largest total rate of an occupied voxel.
	 *
	 * @param evolving voxels allowed to change (inpainting mask), or null for all
	 * @throws IllegalStateException for a negative or non-finite rate
	 */
	public double restrictAndMax(final BatchShape shape, final int[][][] counts,
		final float[] rates, final boolean[] evolving)
	{
		final int channels = shape.channels();
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

	/**
	 * One tau-leap step of length dt: every particle at x hops with probability
	 * {@code 1 - exp(-dt R(x))}, {@code R = sum_d rate_d}, in direction d with probability
	 * {@code rate_d / R}, all moves applied at once. Random numbers come from one stream per
	 * (seed, step, item, channel, z slice).
	 *
	 * @param counts {@code counts[b][c][v]}, updated in place; the mass of each channel is kept
	 * @param rates per-particle rates in the {@link BatchShape} layout, as restricted by
	 *          {@link #restrictAndMax}
	 */
	public void move(final BatchShape shape, final int[][][] counts, final float[] rates, final double dt,
		final long seed, final long step)
	{
		final int channels = shape.channels();
		final int[][][] outflow = outflow(shape);
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

	private int[][][] outflow(final BatchShape shape) {
		if (outflow.length != shape.batch() || outflow[0].length != shape.channels()) {
			outflow = new int[shape.batch()][shape.channels()][Direction.COUNT * grid.voxels()];
		}
		return outflow;
	}

	/** Particles of each item and channel, {@code [b][c]}. */
	public static long[][] masses(final int[][][] counts) {
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
