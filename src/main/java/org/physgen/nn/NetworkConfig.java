package org.physgen.nn;

import java.util.List;

/**
 * Shape of the 3D U-Net: channels in and out, width per level, residual blocks per level, and the
 * options of SPEC §7. Inputs and outputs are NCDHW tensors; the spatial size must be divisible by
 * {@link #sizeMultiple()}.
 *
 * @param inputChannels channels of the input volume (DSD: particle-count channels; PFGM++: phase
 *          encoding channels)
 * @param outputChannels channels of the raw output (DSD: 6 per count channel; PFGM++: as input)
 * @param baseChannels width of the first level
 * @param multipliers width of each level as a multiple of {@code baseChannels}
 * @param resBlocks residual blocks per level
 * @param groups GroupNorm groups (must divide every level's width)
 * @param dropout dropout probability inside residual blocks
 * @param attention whether the lowest level has a self-attention block
 * @param conditionDim length of the condition vector (phase fractions), 0 for none
 * @param periodic circular padding (periodic processes) instead of zero padding
 * @param adaptiveNorm the time/condition embedding enters every residual block as a scale and
 *          shift after its GroupNorm (SPEC §7); false only for networks of earlier model files,
 *          which add it before the GroupNorm
 */
public record NetworkConfig(int inputChannels, int outputChannels, int baseChannels,
	List<Integer> multipliers, int resBlocks, int groups, double dropout, boolean attention,
	int conditionDim, boolean periodic, boolean adaptiveNorm)
{

	public static final int DEFAULT_BASE_CHANNELS = 32;
	public static final List<Integer> DEFAULT_MULTIPLIERS = List.of(1, 2, 2);

	public NetworkConfig {
		multipliers = List.copyOf(multipliers);
		require(inputChannels >= 1, "input channels", inputChannels);
		require(outputChannels >= 1, "output channels", outputChannels);
		require(baseChannels >= 1, "base channels", baseChannels);
		require(!multipliers.isEmpty(), "levels", 0);
		require(resBlocks >= 1, "residual blocks", resBlocks);
		require(groups >= 1, "groups", groups);
		require(conditionDim >= 0, "condition length", conditionDim);
		if (!(dropout >= 0 && dropout < 1)) {
			throw new IllegalArgumentException("dropout must be in [0, 1), got " + dropout);
		}
		for (final int m : multipliers) {
			require(m >= 1, "channel multiplier", m);
			if (baseChannels * m % groups != 0) {
				throw new IllegalArgumentException("groups (" + groups +
					") must divide every level's width, but level width is " + baseChannels * m);
			}
		}
	}

	/** A network whose embedding enters through adaptive GroupNorm, as every new network. */
	public NetworkConfig(final int inputChannels, final int outputChannels, final int baseChannels,
		final List<Integer> multipliers, final int resBlocks, final int groups, final double dropout,
		final boolean attention, final int conditionDim, final boolean periodic)
	{
		this(inputChannels, outputChannels, baseChannels, multipliers, resBlocks, groups, dropout,
			attention, conditionDim, periodic, true);
	}

	/** The default network of SPEC §7: 32·(1,2,2), two residual blocks per level, 8 groups. */
	public static NetworkConfig standard(final int inputChannels, final int outputChannels,
		final int conditionDim, final boolean periodic)
	{
		return new NetworkConfig(inputChannels, outputChannels, DEFAULT_BASE_CHANNELS,
			DEFAULT_MULTIPLIERS, 2, 8, 0.0, false, conditionDim, periodic);
	}

	public NetworkConfig withWidth(final int newBaseChannels, final List<Integer> newMultipliers,
		final int newGroups)
	{
		return new NetworkConfig(inputChannels, outputChannels, newBaseChannels, newMultipliers,
			resBlocks, newGroups, dropout, attention, conditionDim, periodic, adaptiveNorm);
	}

	public NetworkConfig withResBlocks(final int newResBlocks) {
		return new NetworkConfig(inputChannels, outputChannels, baseChannels, multipliers,
			newResBlocks, groups, dropout, attention, conditionDim, periodic, adaptiveNorm);
	}

	public NetworkConfig withAttention(final boolean newAttention) {
		return new NetworkConfig(inputChannels, outputChannels, baseChannels, multipliers,
			resBlocks, groups, dropout, newAttention, conditionDim, periodic, adaptiveNorm);
	}

	public NetworkConfig withDropout(final double newDropout) {
		return new NetworkConfig(inputChannels, outputChannels, baseChannels, multipliers,
			resBlocks, groups, newDropout, attention, conditionDim, periodic, adaptiveNorm);
	}

	public int levels() {
		return multipliers.size();
	}

	/** Every spatial size must be a multiple of this: each level below the first halves it. */
	public int sizeMultiple() {
		return 1 << (levels() - 1);
	}

	/** Width of the time and condition embedding. */
	public int embeddingChannels() {
		return 4 * baseChannels;
	}

	private static void require(final boolean ok, final String what, final int value) {
		if (!ok) throw new IllegalArgumentException("network " + what + " must be positive, got " + value);
	}
}
