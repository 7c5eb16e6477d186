package org.physgen.model.ldsm;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.ldsm.DoubleWell;
import org.physgen.ldsm.LocalPairs;
import org.physgen.ldsm.ReferenceScale;
import org.physgen.ldsm.TrainingTimes;
import org.physgen.nn.LocalDsmProcess;
import org.physgen.nn.UNet3d;
import org.physgen.pfgm.PhaseEncoding;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;
import org.physgen.train.PhaseFractionsOfCrop;
import org.physgen.train.TrainingObjective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * Local denoising score matching (SPEC §12; Singhal et al., arXiv 2407.07998, §3): per crop a start
 * time s ({@link TrainingTimes}), the forward process from the encoded crop to y_s with the tilts of
 * the crop's own phase fractions, one linearised step of δ to y_t = m + √v·ξ ({@link LocalPairs}).
 * The network predicts {@code ε = −√v_ref(t)·s_θ} from y_t, ln(t)/4 and the crop's fractions; the
 * loss {@code ‖√v·s_θ + ξ‖²} is the mean over values of {@code (ξ − √(v/v_ref)·ε)²}. It is about 1
 * for any network (the target's own variance); what training lowers is the small part that depends on
 * the score.
 */
final class LdsmObjective implements TrainingObjective {

	private static final long TIME_KEY = 0x54494D45L;
	private static final long PAIR_KEY = 0x50414952L;

	private final LocalPairs pairs;
	private final TrainingTimes times;
	private final ChannelTilts tilts;
	private final VolumeShape shape;
	private final int phases;
	private final LocalDsmProcess process;

	LdsmObjective(final LocalDsmProcess process, final int phases, final int cropSize) {
		this.process = process;
		pairs = new LocalPairs(process.forward(), process.delta());
		times = new TrainingTimes(process.delta(), process.horizon(), process.timeSampling());
		tilts = new ChannelTilts(process.barrier());
		this.phases = phases;
		shape = VolumeShape.forPhases(phases, cropSize, cropSize, cropSize);
	}

	@Override
	public NDArray loss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final byte[][][] crops, final long seed)
	{
		final UniformRandomProvider rng = RandomStreams.of(seed, TIME_KEY);
		final double[] starts = new double[crops.length];
		for (int b = 0; b < starts.length; b++) starts[b] = times.sample(rng);
		return loss(manager, network, parameters, crops, starts, seed, true);
	}

	@Override
	public double[] fixedTimeLoss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final byte[][][] crops, final double[] quantiles, final long seed)
	{
		final double[] starts = new double[crops.length];
		for (int b = 0; b < starts.length; b++) starts[b] = times.quantile(quantiles[b]);
		return new double[] { loss(manager, network, parameters, crops, starts, seed, false).getFloat(), Double.NaN };
	}

	private NDArray loss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final byte[][][] crops, final double[] starts, final long seed, final boolean training)
	{
		final int batch = crops.length;
		final int length = shape.length();
		final float[] noisy = new float[batch * length];
		final float[] noise = new float[batch * length];
		final float[] ratio = new float[batch * length];
		final float[] time = new float[batch];
		final float[] condition = new float[batch * (phases - 1)];
		for (int b = 0; b < batch; b++) {
			final double[] fractions = PhaseFractionsOfCrop.of(crops[b], phases);
			final double[] channelTilts = tilts.of(fractions);
			final LocalPairs.Pair pair = pairs.draw(PhaseEncoding.encode(crops[b], shape), shape, channelTilts,
				starts[b], RandomStreams.derive(seed, PAIR_KEY + b));
			System.arraycopy(pair.noisy(), 0, noisy, b * length, length);
			System.arraycopy(pair.noise(), 0, noise, b * length, length);
			if (process.stationaryBaseline()) addStationaryScore(pair, channelTilts, noise, b * length);
			System.arraycopy(pair.ratio(), 0, ratio, b * length, length);
			time[b] = ReferenceScale.networkTime(pair.t());
			for (int p = 0; p < phases - 1; p++) condition[b * (phases - 1) + p] = (float) fractions[p];
		}
		final Shape volume = new Shape(batch, shape.channels(), shape.sizeZ(), shape.sizeY(), shape.sizeX());
		final NDArray predicted = network.apply(parameters, manager.create(noisy, volume),
			manager.create(time, new Shape(batch)), manager.create(condition, new Shape(batch, phases - 1)), training);
		return manager.create(noise, volume).sub(predicted.mul(manager.create(ratio, volume))).square().mean();
	}

	/**
	 * With the stationary baseline the score is {@code f(y) − ε/√v_ref}, so the loss
	 * {@code ‖√v·s + ξ‖²} becomes {@code ‖ξ + √v·f(y_t) − r·ε‖²}: the target gains √v·f(y_t).
	 */
	private void addStationaryScore(final LocalPairs.Pair pair, final double[] channelTilts, final float[] target,
		final int offset)
	{
		final DoubleWell[] wells = process.forward().wells(shape, channelTilts);
		final double reference = Math.sqrt(ReferenceScale.variance(wells[0].wellCurvature(), pair.t()));
		final int voxels = shape.voxels();
		final float[] noisy = pair.noisy(), ratio = pair.ratio();
		for (int k = 0; k < noisy.length; k++) {
			target[offset + k] += (float) (ratio[k] * reference * wells[k / voxels].drift(noisy[k]));
		}
	}
}
