package org.physgen.benchmark;

import java.util.ArrayDeque;
import java.util.Deque;

import org.physgen.nn.NetworkConfig;

/**
 * Floating-point operations of the convolutions in one forward pass of {@link org.physgen.nn.UNet3d},
 * counted from its configuration: 2·Cin·Cout·k³ per output voxel of each convolution (a multiply and
 * an add per weight), at the resolution of its level. The walk over the layers mirrors UNet3d's
 * constructor. Normalisation, activations, the embedding and attention's products are left out:
 * they are a few percent of the total at the default widths.
 */
final class ConvolutionFlops {

	private ConvolutionFlops() {}

	/**
	 * @param size edge of the cubic input in voxels
	 * @param batch items per call
	 * @return FLOPs of the forward pass
	 */
	static double forward(final NetworkConfig config, final int size, final int batch) {
		final int levels = config.levels();
		double flops = conv(config.inputChannels(), width(config, 0), 3, size, 0);
		int width = width(config, 0);
		final Deque<Integer> skips = new ArrayDeque<>();
		skips.push(width);
		for (int level = 0; level < levels; level++) {
			for (int b = 0; b < config.resBlocks(); b++) {
				flops += block(width, width(config, level), size, level);
				width = width(config, level);
				skips.push(width);
			}
			if (level < levels - 1) skips.push(width);
		}
		final int bottom = levels - 1;
		flops += 2 * block(width, width, size, bottom);
		if (config.attention()) flops += conv(width, 4 * width, 1, size, bottom);
		for (int level = levels - 1; level >= 0; level--) {
			for (int b = 0; b <= config.resBlocks(); b++) {
				flops += block(width + skips.pop(), width(config, level), size, level);
				width = width(config, level);
			}
			if (level > 0) flops += conv(width, width, 3, size, level - 1);
		}
		flops += conv(width, config.outputChannels(), 3, size, 0);
		return flops * batch;
	}

	private static double block(final int in, final int out, final int size, final int level) {
		return conv(in, out, 3, size, level) + conv(out, out, 3, size, level) + (in == out ? 0 : conv(
			in, out, 1, size, level));
	}

	private static double conv(final int in, final int out, final int kernel, final int size,
		final int level)
	{
		final double edge = size >> level;
		return 2.0 * in * out * kernel * kernel * kernel * edge * edge * edge;
	}

	private static int width(final NetworkConfig config, final int level) {
		return config.baseChannels() * config.multipliers().get(level);
	}
}
