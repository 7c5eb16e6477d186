package org.physgen.nn;

/**
 * The tensor interface of a network, which is all the samplers need to know: channels in and out,
 * length of the condition vector and the number every spatial size must be a multiple of. A DJL
 * network derives it from its {@link NetworkConfig}; a TorchScript network declares it.
 *
 * @param inputChannels channels of x
 * @param outputChannels channels of the output
 * @param conditionDim length of the condition vector, 0 for none
 * @param sizeMultiple every spatial size must be divisible by this
 */
public record NetworkIo(int inputChannels, int outputChannels, int conditionDim, int sizeMultiple) {

	public NetworkIo {
		require(inputChannels >= 1, "input_channels", inputChannels);
		require(outputChannels >= 1, "output_channels", outputChannels);
		require(conditionDim >= 0, "condition_dim", conditionDim);
		require(sizeMultiple >= 1, "size_multiple", sizeMultiple);
	}

	public static NetworkIo of(final NetworkConfig config) {
		return new NetworkIo(config.inputChannels(), config.outputChannels(), config.conditionDim(),
			config.sizeMultiple());
	}

	/**
	 * The channels a family needs for a phase count P: DSD takes the P-1 particle-count channels and
	 * returns six raw rates per channel; PFGM++ takes and returns the phase encoding (1 channel for two
	 * phases, P otherwise).
	 */
	public static NetworkIo forFamily(final ModelFamily family, final int phases, final int conditionDim,
		final int sizeMultiple)
	{
		final int in = family == ModelFamily.DSD ? phases - 1 : phases == 2 ? 1 : phases;
		final int out = family == ModelFamily.DSD ? 6 * in : in;
		return new NetworkIo(in, out, conditionDim, sizeMultiple);
	}

	private static void require(final boolean ok, final String name, final int value) {
		if (!ok) throw new IllegalArgumentException(name + " must be " +
			(name.equals("condition_dim") ? "0 or more" : "at least 1") + ", got " + value);
	}
}
