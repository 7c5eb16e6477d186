package org.physgen.model.pfgm;

import org.physgen.nn.NetworkFunction;
import org.physgen.pfgm.Denoiser;
import org.physgen.pfgm.EdmPreconditioning;
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
			final float cIn = (float) EdmPreconditioning.cIn(sigma[b]);
			for (int i = 0; i < length; i++) input[b * length + i] = cIn * noisy[b][i];
			noise[b] = (float) EdmPreconditioning.cNoise(sigma[b]);
		}
		final float[] raw = new float[batch * length];
		network.evaluate(batch, shape.sizeX(), shape.sizeY(), shape.sizeZ(), input, noise,
			network.conditionDim() == 0 ? null : condition, raw);
		for (int b = 0; b < batch; b++) {
			final float skip = (float) EdmPreconditioning.cSkip(sigma[b]);
			final float out = (float) EdmPreconditioning.cOut(sigma[b]);
			for (int i = 0; i < length; i++) {
				denoised[b][i] = skip * noisy[b][i] + out * raw[b * length + i];
			}
		}
	}
}
