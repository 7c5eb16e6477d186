package org.physgen.dsd;

import java.util.stream.IntStream;

import org.physgen.lattice.Schedule;
import org.physgen.random.RandomStreams;

/**
 * Forward noising of label crops and the reverse-rate targets of SPEC 4.3. Every particle (voxel
 * of a channel's phase) walks independently, axis by axis, by inverse-CDF draws from the 1D
 * kernels, so the cost is proportional to the number of particles. Random numbers come from one
 * stream per (crop, z slice), so results do not depend on the thread count.
 */
public final class ForwardNoising {

	private static final long PURPOSE = 0x4E6F697365L;

	private final Grid grid;
	private final ChannelMap channels;
	private final double rate;
	private final Schedule schedule;
	private final TimeKernels kernels;

	/**
	 * @param rate hop rate r per direction, in units of the schedule's physical time
	 */
	public ForwardNoising(final Grid grid, final ChannelMap channels, final double rate,
		final Schedule schedule)
	{
		if (!(rate > 0) || Double.isInfinite(rate)) {
			throw new IllegalArgumentException("hop rate must be positive, got " + rate);
		}
		this.grid = grid;
		this.channels = channels;
		this.rate = rate;
		this.schedule = schedule;
		kernels = new TimeKernels(grid, rate, schedule);
	}

	public Grid grid() {
		return grid;
	}

	public ChannelMap channels() {
		return channels;
	}

	public double rate() {
		return rate;
	}

	public Schedule schedule() {
		return schedule;
	}

	/**
	 * Noises each crop to its own time index and computes the targets.
	 *
	 * @param crops {@code crops[b][z]}: label slices of each crop, phase indices
	 * @param timeIndex k in 1..T-1 for each crop
	 */
	public NoisedBatch noise(final byte[][][] crops, final int[] timeIndex, final long seed) {
		if (crops.length != timeIndex.length) {
			throw new IllegalArgumentException(crops.length + " crops but " + timeIndex.length
				+ " time indices");
		}
		for (final int k : timeIndex) {
			if (k < 1 || k >= schedule.steps()) {
				throw new IllegalArgumentException("time index " + k + " outside 1.." + (schedule
					.steps() - 1));
			}
		}
		final BatchShape shape = new BatchShape(crops.length, channels.channels(), grid);
		final SliceDraw[][] draws = drawAll(crops, timeIndex, seed);
		final float[] counts = new float[shape.countsLength()];
		final float[] targets = new float[shape.ratesLength()];
		final int voxels = grid.voxels();
		IntStream.range(0, crops.length).parallel().forEach(b -> {
			for (final SliceDraw draw : draws[b]) {
				for (int i = 0; i < draw.destination.length; i++) {
					final int c = draw.channel[i];
					final int v = draw.destination[i];
					counts[shape.countsOffset(b, c) + v]++;
					final int base = (b * shape.channels() + c) * Direction.COUNT * voxels + v;
					for (int d = 0; d < Direction.COUNT; d++) {
						targets[base + d * voxels] += (float) rate * draw.ratios[Direction.COUNT * i + d];
					}
				}
			}
		});
		final double[] networkTime = new double[crops.length];
		for (int b = 0; b < crops.length; b++) {
			networkTime[b] = schedule.networkTime(timeIndex[b]);
		}
		return new NoisedBatch(shape, counts, targets, timeIndex.clone(), networkTime);
	}

	/** Integer counts {@code n[c][v]} of one crop noised to time index k (no targets). */
	public int[][] noisedCounts(final byte[][] crop, final int timeIndex, final long seed) {
		final SliceDraw[] draws = drawAll(new byte[][][] { crop }, new int[] { timeIndex }, seed)[0];
		final int[][] counts = new int[channels.channels()][grid.voxels()];
		for (final SliceDraw draw : draws) {
			for (int i = 0; i < draw.destination.length; i++) {
				counts[draw.channel[i]][draw.destination[i]]++;
			}
		}
		return counts;
	}

	private SliceDraw[][] drawAll(final byte[][][] crops, final int[] timeIndex, final long seed) {
		final int sizeZ = grid.sizeZ();
		final SliceDraw[][] draws = new SliceDraw[crops.length][sizeZ];
		for (final byte[][] crop : crops) {
			if (crop.length != sizeZ) {
				throw new IllegalArgumentException("crop has " + crop.length + " slices, grid " + sizeZ);
			}
		}
		IntStream.range(0, crops.length * sizeZ).parallel().forEach(task -> {
			final int b = task / sizeZ;
			final int z = task % sizeZ;
			draws[b][z] = SliceDraw.draw(grid, channels, crops[b][z], z, kernels.at(timeIndex[b]),
				RandomStreams.of(seed, PURPOSE, task));
		});
		return draws;
	}
}
