package org.physgen.model.pfgm;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.nn.UNet3d;
import org.physgen.pfgm.EdmPreconditioning;
import org.physgen.pfgm.PerturbationKernel;
import org.physgen.pfgm.PhaseEncoding;
import org.physgen.pfgm.TrainingSigma;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;
import org.physgen.train.PhaseFractionsOfCrop;
import org.physgen.train.TrainingObjective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * PFGM++ training (SPEC 5): perturb each encoded crop with the PFGM++ kernel at a log-normal σ, and
 * score the denoiser, preconditioned as the sampler's ({@link Preconditioning}), with
 * λ(σ)‖D(x, σ) − y‖². The network is conditioned on the
 * crop's phase fractions.
 */
public final class PfgmObjective implements TrainingObjective {

	private static final long SIGMA_KEY = 0x5349474DL;

	private final PerturbationKernel kernel;
	private final VolumeShape shape;
	private final int phases;

	public PfgmObjective(final PerturbationKernel kernel, final int phases, final int cropSize) {
		this.kernel = kernel;
		this.phases = phases;
		shape = VolumeShape.forPhases(phases, cropSize, cropSize, cropSize);
	}

	@Override
	public NDArray loss(final NDManager manager, final UNet3d network,
		final ParameterStore parameters, final byte[][][] crops, final long seed)
	{
		final UniformRandomProvider rng = RandomStreams.of(seed, SIGMA_KEY);
		final double[] sigmas = new double[crops.length];
		for (int b = 0; b < sigmas.length; b++) sigmas[b] = TrainingSigma.sample(rng);
		return loss(manager, network, parameters, crops, sigmas, seed, true);
	}

	@Override
	public double[] fixedTimeLoss(final NDManager manager, final UNet3d network,
		final ParameterStore parameters, final byte[][][] crops, final double[] quantiles, final long seed)
	{
		final double[] sigmas = new double[crops.length];
		for (int b = 0; b < sigmas.length; b++) sigmas[b] = TrainingSigma.quantile(quantiles[b]);
		return new double[] { loss(manager, network, parameters, crops, sigmas, seed, false).getFloat(), Double.NaN };
	}

	private NDArray loss(final NDManager manager, final UNet3d network, final ParameterStore parameters,
		final byte[][][] crops, final double[] sigmas, final long seed, final boolean training)
	{
		final int batch = crops.length;
		final int length = shape.length();
		final float[] clean = new float[batch * length];
		final float[] noisy = new float[batch * length];
		final float[] scaledInput = new float[batch * length];
		final float[] noise = new float[batch];
		final float[] skip = new float[batch], out = new float[batch], weight = new float[batch];
		final float[] condition = new float[batch * (phases - 1)];
		for (int b = 0; b < batch; b++) {
			final double sigma = sigmas[b];
			final float[] y = PhaseEncoding.encode(crops[b], shape);
			final float[] x = kernel.perturb(y, sigma, seed, b);
			System.arraycopy(y, 0, clean, b * length, length);
			System.arraycopy(x, 0, noisy, b * length, length);
			noise[b] = Preconditioning.input(x, length, sigma, scaledInput, b * length);
			skip[b] = Preconditioning.skip(sigma);
			out[b] = Preconditioning.out(sigma);
			weight[b] = (float) EdmPreconditioning.lossWeight(sigma);
			final double[] fractions = PhaseFractionsOfCrop.of(crops[b], phases);
			for (int p = 0; p < phases - 1; p++) condition[b * (phases - 1) + p] = (float) fractions[p];
		}
		final Shape volume = new Shape(batch, shape.channels(), shape.sizeZ(), shape.sizeY(),
			shape.sizeX());
		final Shape perItem = new Shape(batch, 1, 1, 1, 1);
		final NDArray raw = network.apply(parameters, manager.create(scaledInput, volume),
			manager.create(noise, new Shape(batch)),
			manager.create(condition, new Shape(batch, phases - 1)), training);
		final NDArray denoised = manager.create(noisy, volume).mul(manager.create(skip, perItem))
			.add(raw.mul(manager.create(out, perItem)));
		final NDArray error = denoised.sub(manager.create(clean, volume)).square();
		return error.mul(manager.create(weight, perItem)).mean();
	}
}
