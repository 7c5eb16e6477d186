package org.physgen.model.yukawa;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.Direction;
import org.physgen.dsd.DsdLoss;
import org.physgen.dsd.Grid;
import org.physgen.lattice.Boundary;
import org.physgen.lattice.Schedule;
import org.physgen.nn.RateHead;
import org.physgen.nn.Tensors;
import org.physgen.nn.UNet3d;
import org.physgen.random.RandomStreams;
import org.physgen.train.TrainingObjective;
import org.physgen.yukawa.YukawaBatch;
import org.physgen.yukawa.YukawaLoss;
import org.physgen.yukawa.YukawaNoising;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Yukawa training (SPEC 13): run the forward process of each crop to a uniform time index, and score
 * the network's hop rates and birth distribution with {@link YukawaLoss}, here on tensors: DSD's
 * process likelihood over the alive particles plus the birth cross-entropy (less the target's
 * entropy) weighted by −S'(t)·M_c, per particle of the crop, times {@link YukawaLoss#timeWeight}.
 */
final class YukawaObjective implements TrainingObjective {

	private static final long TIME_KEY = 0x54494D45L;

	private final YukawaNoising noising;
	private final Grid grid;
	private final int channels;
	private final float[] inBoxLinks;

	YukawaObjective(final YukawaNoising noising, final Grid grid, final int channels) {
		this.noising = noising;
		this.grid = grid;
		this.channels = channels;
		inBoxLinks = grid.boundary() == Boundary.REFLECTING ? grid.inBoxLinks() : null;
	}

	@Override
	public NDArray loss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final byte[][][] crops, final long seed)
	{
		final int steps = noising.schedule().steps();
		final UniformRandomProvider rng = RandomStreams.of(seed, TIME_KEY);
		final int[] k = new int[crops.length];
		for (int b = 0; b < k.length; b++) k[b] = 1 + rng.nextInt(steps - 1);
		return loss(manager, network, parameters, noising.noise(crops, k, seed), true);
	}

	@Override
	public double[] fixedTimeLoss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final byte[][][] crops, final double[] quantiles, final long seed)
	{
		final int steps = noising.schedule().steps();
		final int[] k = new int[crops.length];
		for (int b = 0; b < k.length; b++) k[b] = 1 + Math.min(steps - 2, (int) (quantiles[b] * (steps - 1)));
		return new double[] { loss(manager, network, parameters, noising.noise(crops, k, seed), false).getFloat(),
			Double.NaN };
	}

	private NDArray loss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final YukawaBatch noised, final boolean training)
	{
		final BatchShape shape = noised.alive().shape();
		final int batch = shape.batch();
		final float[] time = new float[batch];
		for (int b = 0; b < batch; b++) time[b] = (float) noised.alive().networkTime()[b];
		final NDArray counts = manager.create(noised.alive().counts(),
			new Shape(batch, channels, grid.sizeZ(), grid.sizeY(), grid.sizeX()));
		final NDArray raw = network.apply(parameters, counts, manager.create(time, new Shape(batch)), null, training);
		return loss(manager, raw, noised);
	}

	/**
	 * The batch's loss from the network's raw output {@code (B, 7C, Z, Y, X)}: the tensor form of
	 * {@link YukawaLoss#of}.
	 */
	NDArray loss(final NDManager manager, final NDArray raw, final YukawaBatch noised) {
		final BatchShape shape = noised.alive().shape();
		final int batch = shape.batch();
		final int voxels = shape.voxels();
		final int hopChannels = Direction.COUNT * channels;
		final Schedule schedule = noising.schedule();
		NDArray rates = RateHead.EXP.rates(raw.get(new NDIndex(":, 0:" + hopChannels)), noising.rate())
			.reshape(batch, channels, Direction.COUNT, voxels);
		if (inBoxLinks != null) {
			rates = rates.mul(manager.create(inBoxLinks, new Shape(1, 1, Direction.COUNT, voxels)));
		}
		final NDArray counts = manager.create(noised.alive().counts(), new Shape(batch, channels, 1, voxels));
		final NDArray site = rates.mul(counts);
		final float[] targetValues = noised.alive().targets();
		final NDArray targets = manager.create(targetValues, new Shape(batch, channels, Direction.COUNT, voxels));
		final float[] targetTerms = new float[targetValues.length];
		for (int i = 0; i < targetTerms.length; i++) targetTerms[i] = (float) DsdLoss.targetTerm(targetValues[i]);
		final NDArray hops = site.sub(targets.mul(site.maximum(Tensors.scalar(manager, DsdLoss.LOG_FLOOR)).log()))
			.sub(manager.create(targetTerms, targets.getShape())).sum(new int[] { 1, 2, 3 });
		final NDArray logBirth = raw.get(new NDIndex(":, " + hopChannels + ":")).reshape(batch, channels, voxels)
			.logSoftmax(2);
		final NDArray crossEntropy = manager.create(noised.births(), new Shape(batch, channels, voxels)).mul(logBirth)
			.sum(new int[] { 2 }).neg();
		final float[] entropy = new float[batch * channels];
		final float[] birthWeight = new float[batch * channels];
		final float[] itemWeight = new float[batch];
		for (int b = 0; b < batch; b++) {
			for (int c = 0; c < channels; c++) {
				entropy[b * channels + c] = (float) YukawaLoss.entropy(noised.births(), shape.countsOffset(b, c), voxels);
				birthWeight[b * channels + c] = (float) noised.birthWeights()[b * channels + c];
			}
			final double particles = noised.particles()[b];
			itemWeight[b] = particles == 0 ? 0 : (float) (YukawaLoss.timeWeight(schedule,
				noised.alive().timeIndex()[b]) / (particles * batch));
		}
		final NDArray births = crossEntropy.sub(manager.create(entropy, new Shape(batch, channels)))
			.mul(manager.create(birthWeight, new Shape(batch, channels))).sum(new int[] { 1 });
		return hops.add(births).mul(manager.create(itemWeight)).sum();
	}
}
