package org.physgen.nn;

/**
 * A network evaluated for inference on plain arrays: the DJL U-Net or an imported TorchScript
 * file. Arrays are flat NCDHW (x fastest), as in {@code dsd.BatchShape} and {@code pfgm.VolumeShape},
 * so adapters hand them over without reordering. Output is the raw network output; heads (softplus
 * rates, EDM preconditioning) are applied by the caller.
 */
public interface NetworkFunction extends AutoCloseable {

	int inputChannels();

	int outputChannels();

	/** Length of the condition vector per batch item, 0 when the network takes none. */
	int conditionDim();

	/**
	 * @param batch batch items
	 * @param sizeX fastest axis
	 * @param input length batch·inputChannels·sizeZ·sizeY·sizeX
	 * @param noise one time or noise input per item (DSD: k/(T-1); PFGM++: c_noise = ln(σ)/4)
	 * @param condition batch·conditionDim values, or null when {@link #conditionDim()} is 0
	 * @param output length batch·outputChannels·sizeZ·sizeY·sizeX
	 */
	void evaluate(int batch, int sizeX, int sizeY, int sizeZ, float[] input, float[] noise,
		float[] condition, float[] output);

	@Override
	void close();
}
