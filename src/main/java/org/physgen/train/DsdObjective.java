package org.physgen.train;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Direction;
import org.physgen.dsd.DsdLoss;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.NoisedBatch;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.nn.UNet3d;
import org.physgen.volume.RandomStreams;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * DSD training (SPEC 4.3): noise each crop to a uniform time index, predict per-particle rates
 * r·softplus(output), and score them with the process-likelihood loss of {@link DsdLoss}.
 */
final class DsdObjective implements TrainingObjective {

	private static final long TIME_KEY = 0x54494D45L;

	private final ForwardNoising noising;
	private final Grid grid;
	private final int channels;
	private final float[] inBoxLinks;

	DsdObjective(final Grid grid, final ChannelMap channels, final double rate,
		final Schedule schedule)
	{
		this.grid = grid;
		this.channels = channels.channels();
		noising = new ForwardNoising(grid, channels, rate, schedule);
		inBoxLinks = grid.boundary() == Boundary.REFLECTING ? inBoxLinks(grid) : null;
	}

	/** Per-particle rates from raw network output: r·softplus(raw), shaped [B, C, 6, V]. */
	static NDArray rates(final NDArray raw, final double rate, final int channels) {
		final long batch = raw.getShape().get(0);
		return NetworkHeads.softplus(raw).muli(rate).reshape(batch, channels, Direction.COUNT, -1);
	}

	@Override
	public NDArray loss(final NDManager manager, final UNet3d network,
		final ParameterStore parameters, final byte[][][] crops, final long seed)
	{
		final int batch = crops.length;
		final int steps = noising.schedule().steps();
		final UniformRandomProvider rng = RandomStreams.of(seed, TIME_KEY);
		final int[] k = new int[batch];
		for (int b = 0; b < batch; b++) k[b] = 1 + rng.nextInt(steps - 1);
		final NoisedBatch noised = noising.noise(crops, k, seed);
		final BatchShape shape = noised.shape();
		final float[] time = new float[batch];
		final float[] delta = new float[batch];
		for (int b = 0; b < batch; b++) {
			time[b] = (float) noised.networkTime()[b];
			delta[b] = (float) noised.delta()[b];
		}
		final NDArray counts = manager.create(noised.counts(),
			new Shape(batch, channels, grid.sizeZ(), grid.sizeY(), grid.sizeX()));
		final NDArray raw = network.apply(parameters, counts, manager.create(time, new Shape(batch)),
			null, true);
		NDArray rates = rates(raw, noising.rate(), channels);
		if (inBoxLinks != null) {
			rates = rates.mul(manager.create(inBoxLinks, new Shape(1, 1, Direction.COUNT, shape.voxels())));
		}
		final NDArray site = rates.mul(counts.reshape(batch, channels, 1, shape.voxels()));
		final NDArray targets = manager.create(noised.targets(),
			new Shape(batch, channels, Direction.COUNT, shape.voxels()));
		final NDArray term = site.sub(targets.mul(site.maximum(DsdLoss.LOG_FLOOR).log()));
		return term.mul(manager.create(delta, new Shape(batch, 1, 1, 1))).mean();
	}

	/** 1 for each direction and voxel whose hop stays in the box, 0 for outward hops. */
	static float[] inBoxLinks(final Grid grid) {
		final int voxels = grid.voxels();
		final float[] mask = new float[Direction.COUNT * voxels];
		for (final Direction d : Direction.values()) {
			for (int v = 0; v < voxels; v++) {
				mask[d.ordinal() * voxels + v] = grid.neighbour(v, d) < 0 ? 0 : 1;
			}
		}
		return mask;
	}
}
