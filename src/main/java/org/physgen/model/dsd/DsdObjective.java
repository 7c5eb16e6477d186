package org.physgen.model.dsd;

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
import org.physgen.nn.RateHead;
import org.physgen.nn.Tensors;
import org.physgen.nn.UNet3d;
import org.physgen.random.RandomStreams;
import org.physgen.train.TrainingObjective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * DSD training (SPEC 4.3): noise each crop to a uniform time index, predict per-particle rates
 * through the model's {@link RateHead}, and score them with the process-likelihood loss of
 * {@link DsdLoss}, each item weighted by its time index's
 * {@link org.physgen.dsd.TimeWeighting}.
 */
public final class DsdObjective implements TrainingObjective {

	private static final long TIME_KEY = 0x54494D45L;

	private final ForwardNoising noising;
	private final Grid grid;
	private final int channels;
	private final float[] inBoxLinks;
	private final RateHead head;
	private final double[] timeWeights;

	/**
	 * @param timeWeights loss weight of each time index ({@link org.physgen.dsd.TimeWeighting#weights})
	 */
	public DsdObjective(final Grid grid, final ChannelMap channels, final double rate,
		final Schedule schedule, final RateHead head, final double[] timeWeights)
	{
		this.grid = grid;
		this.channels = channels.channels();
		this.head = head;
		this.timeWeights = timeWeights;
		noising = new ForwardNoising(grid, channels, rate, schedule);
		inBoxLinks = grid.boundary() == Boundary.REFLECTING ? grid.inBoxLinks() : null;
	}

	@Override
	public NDArray loss(final NDManager manager, final UNet3d network,
		final ParameterStore parameters, final byte[][][] crops, final long seed)
	{
		final int steps = noising.schedule().steps();
		final UniformRandomProvider rng = RandomStreams.of(seed, TIME_KEY);
		final int[] k = new int[crops.length];
		for (int b = 0; b < k.length; b++) k[b] = 1 + rng.nextInt(steps - 1);
		return loss(manager, network, parameters, noising.noise(crops, k, seed), k, true);
	}

	@Override
	public boolean hasForwardBaseline() {
		return true;
	}

	@Override
	public double[] fixedTimeLoss(final NDManager manager, final UNet3d network,
		final ParameterStore parameters, final byte[][][] crops, final double[] quantiles, final long seed)
	{
		final int steps = noising.schedule().steps();
		final int[] k = new int[crops.length];
		final double[] weights = new double[crops.length];
		for (int b = 0; b < k.length; b++) {
			k[b] = 1 + Math.min(steps - 2, (int) (quantiles[b] * (steps - 1)));
			weights[b] = timeWeights[k[b]];
		}
		final NoisedBatch noised = noising.noise(crops, k, seed);
		final float[] forward = new float[noised.shape().ratesLength()];
		final int links = Direction.COUNT * noised.shape().voxels();
		for (int i = 0; i < forward.length; i++) {
			forward[i] = inBoxLinks == null ? (float) noising.rate() : (float) noising.rate() * inBoxLinks[i % links];
		}
		final double reference = DsdLoss.processLikelihood(noised.shape(), forward, noised.counts(), noised.targets(),
			weights);
		return new double[] { loss(manager, network, parameters, noised, k, false).getFloat(), reference };
	}

	private NDArray loss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final NoisedBatch noised, final int[] k, final boolean training)
	{
		final BatchShape shape = noised.shape();
		final int batch = shape.batch();
		final float[] time = new float[batch];
		final float[] weight = new float[batch];
		for (int b = 0; b < batch; b++) {
			time[b] = (float) noised.networkTime()[b];
			final double particles = DsdLoss.particles(shape, b, noised.counts());
			weight[b] = particles == 0 ? 0 : (float) (timeWeights[k[b]] / (batch * Direction.COUNT *
				particles));
		}
		final NDArray counts = manager.create(noised.counts(),
			new Shape(batch, channels, grid.sizeZ(), grid.sizeY(), grid.sizeX()));
		final NDArray raw = network.apply(parameters, counts, manager.create(time, new Shape(batch)),
			null, training);
		NDArray rates = head.rates(raw, noising.rate()).reshape(batch, channels,
			Direction.COUNT, -1);
		if (inBoxLinks != null) {
			rates = rates.mul(manager.create(inBoxLinks, new Shape(1, 1, Direction.COUNT, shape.voxels())));
		}
		final NDArray site = rates.mul(counts.reshape(batch, channels, 1, shape.voxels()));
		final NDArray targets = manager.create(noised.targets(),
			new Shape(batch, channels, Direction.COUNT, shape.voxels()));
		final NDArray term = site.sub(targets.mul(site.maximum(Tensors.scalar(manager, DsdLoss.LOG_FLOOR))
			.log())).sub(manager.create(targetTerms(noised.targets()), targets.getShape()));
		return term.sum(new int[] { 1, 2, 3 }).mul(manager.create(weight)).sum();
	}

	/** {@link DsdLoss#targetTerm} of every target, so that each item's loss is a divergence. */
	private static float[] targetTerms(final float[] targets) {
		final float[] terms = new float[targets.length];
		for (int i = 0; i < terms.length; i++) terms[i] = (float) DsdLoss.targetTerm(targets[i]);
		return terms;
	}
}
