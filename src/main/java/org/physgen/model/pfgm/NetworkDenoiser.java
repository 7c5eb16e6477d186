package org.physgen.model.pfgm;

import org.physgen.nn.NetworkFunction;
import org.physgen.pfgm.Denoiser;
import org.physgen.pfgm.VolumeShape;

/**
 * PFGM++ denoiser from a network with EDM preconditioning: D = c_skip·x + c_out·F(c_in·x, c_noise),
 * conditioned on each batch item's target phase fractions.
 */
final class NetworkDenoiser implements Denoiser {

	private final NetworkFunction network;
	private final float[] condition;

	/** @param condition batch·(P-1) target fractions, or null for a network without condition */
	NetworkDenoiser(final NetworkFunction network, final float[] condition) {
		this.network = network;
		this.condition = condition;
	}

	@Override
	public void denoise(final VolumeShape shape, final float[][] noisy, final double[] sigma,
		final float[][] denoised)
	{
		final int batch = noisy.length;
		final int length = shape.length();
		final float[] input = new float[batch * length];
		final float[] noise = new float[batch];
		for (int b = 0; b < batch; b++) {
			noise[b] = Preconditioning.input(noisy[b], length, sigma[b], input, b * length);
		}
		final float[] raw = new float[batch * length];
		network.evaluate(batch, shape.sizeX(), shape.sizeY(), shape.sizeZ(), input, noise,
			network.conditionDim() == 0 ? null : condition, raw);
		for (int b = 0; b < batch; b++) {
			final float skip = Preconditioning.skip(sigma[b]);
			final float out = Preconditioning.out(sigma[b]);
			for (int i = 0; i < length; i++) {
				denoised[b][i] = skip * noisy[b][i] + out * raw[b * length + i];
			}
		}
	}
}
