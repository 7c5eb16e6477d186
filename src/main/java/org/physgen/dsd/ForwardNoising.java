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
		return noiseThinned(crops, timeIndex, null, seed).kept();
	}

	/**
	 * Noising in which each particle of crop b is kept independently with probability
	 * {@code keep[b]} before it walks: the counts and targets are those of the kept particles, and
	 * the removed ones are returned at their origins. This is the forward process of particles that
	 * die independently of where they are (the Yukawa family's deaths, SPEC 13).
	 *
	 * @param keep probability in [0, 1] for each crop, or null to keep every particle
	 */
	public ThinnedBatch noiseThinned(final byte[][][] crops, final int[] timeIndex, final double[] keep,
		final long seed)
	{
		if (crops.length != timeIndex.length || keep != null && keep.length != crops.length) {
			throw new IllegalArgumentException(crops.length + " crops but " + timeIndex.length
				+ " time indices" + (keep == null ? "" : " and " + keep.length + " keep probabilities"));
		}
		for (final int k : timeIndex) {
			if (k < 1 || k >= schedule.steps()) {
				throw new IllegalArgumentException("time index " + k + " outside 1.." + (schedule
					.steps() - 1));
			}
		}
		if (keep != null) {
			for (final double p : keep) {
				if (!(p >= 0 && p <= 1)) throw new IllegalArgumentException("keep probability " + p + " outside [0, 1]");
			}
		}
		final BatchShape shape = new BatchShape(crops.length, channels.channels(), grid);
		final SliceDraw[][] draws = drawAll(crops, timeIndex, keep, seed);
		final float[] counts = new float[shape.countsLength()];
		final float[] targets = new float[shape.ratesLength()];
		final float[] removed = new float[shape.countsLength()];
		final int voxels = grid.voxels();
		IntStream.range(0, crops.length).parallel().forEach(b -> {
			for (final SliceDraw draw : draws[b]) {
				for (int i = 0; i < draw.kept; i++) {
					final int c = draw.channel[i];
					final int v = draw.destination[i];
					counts[shape.countsOffset(b, c) + v]++;
					final int base = (b * shape.channels() + c) * Direction.COUNT * voxels + v;
					for (int d = 0; d < Direction.COUNT; d++) {
						targets[base + d * voxels] += (float) rate * draw.ratios[Direction.COUNT * i + d];
					}
				}
				for (int i = 0; i < draw.removed; i++) {
					removed[shape.countsOffset(b, draw.removedChannel[i]) + draw.removedOrigin[i]]++;
				}
			}
		});
		final double[] networkTime = new double[crops.length];
		for (int b = 0; b < crops.length; b++) {
			networkTime[b] = schedule.networkTime(timeIndex[b]);
		}
		return new ThinnedBatch(new NoisedBatch(shape, counts, targets, timeIndex.clone(), networkTime), removed);
	}

	/** Integer counts {@code n[c][v]} of one crop noised to time index k (no targets). */
	public int[][] noisedCounts(final byte[][] crop, final int timeIndex, final long seed) {
		final SliceDraw[] draws = drawAll(new byte[][][] { crop }, new int[] { timeIndex }, null, seed)[0];
		final int[][] counts = new int[channels.channels()][grid.voxels()];
		for (final SliceDraw draw : draws) {
			for (int i = 0; i < draw.kept; i++) {
				counts[draw.channel[i]][draw.destination[i]]++;
			}
		}
		return counts;
	}

	private SliceDraw[][] drawAll(final byte[][][] crops, final int[] timeIndex, final double[] keep,
		final long seed)
	{
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
				keep == null ? 1 : keep[b], RandomStreams.of(seed, PURPOSE, task));
		});
		return draws;
	}
}
