package org.physgen.nn;

/**
 * The tensor interface of a network, which is all the samplers need to know: channels in and out,
 * length of the condition vector and the number every spatial size must be a multiple of. A DJL
 * network derives it from its {@link NetworkConfig}; a TorchScript network declares it; which
 * channels a family needs is its strategy's {@code io}.
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
	 * A network that reads and returns a phase encoding (PFGM++, local-DSM): one channel for two
	 * phases, one per phase otherwise; conditioned on the fractions of all phases but the first.
	 */
	public static NetworkIo phaseEncoding(final int phases, final boolean conditioned, final int sizeMultiple) {
		final int channels = phases == 2 ? 1 : phases;
		return new NetworkIo(channels, channels, conditioned ? phases - 1 : 0, sizeMultiple);
	}

	/**
	 * A network that reads the particle counts of every phase but the majority one (DSD, Yukawa)
	 * and returns {@code outputsPerChannel} values per particle channel.
	 */
	public static NetworkIo particleChannels(final int phases, final int outputsPerChannel,
		final boolean conditioned, final int sizeMultiple)
	{
		return new NetworkIo(phases - 1, outputsPerChannel * (phases - 1), conditioned ? phases - 1 : 0,
			sizeMultiple);
	}

	/** "(input_channels 2, output_channels 12, condition_dim 0, size_multiple 4)", for messages. */
	public String describe() {
		return "(input_channels " + inputChannels + ", output_channels " + outputChannels +
			", condition_dim " + conditionDim + ", size_multiple " + sizeMultiple + ")";
	}

	private static void require(final boolean ok, final String name, final int value) {
		if (!ok) throw new IllegalArgumentException(name + " must be " +
			(name.equals("condition_dim") ? "0 or more" : "at least 1") + ", got " + value);
	}
}
