package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Zero channels that keep libtorch's CPU convolution on its correct path. With the bundled libtorch
 * 2.7.1 on an AVX-512 CPU, a float32 3-D convolution (oneDNN, channels in blocks of 16) measured
 * against the float64 one (benchmarks/RESULTS.md, "The CPU convolution against float64"):
 * <ul>
 * <li>gives wrong values, and now and then NaN everywhere, when its input has more than 16 channels
 * and not a multiple of 16 (20, 24, 40; the U-Net's decoder concatenates 16 + 8);</li>
 * <li>gives a wrong, run-to-run different gradient with respect to its input when its output channels
 * are not a multiple of 16 (6 and 8; the U-Net's first level and output).</li>
 * </ul>
 * Zero input channels with zero weights, and zero filters whose outputs are dropped, change nothing
 * in exact arithmetic, so the input is widened to a multiple of {@link #BLOCK} above one block, and,
 * while autograd records, the filters are too. AVX2 kernels (blocks of 8) are covered by the same
 * multiples; GPUs are left as they are.
 */
final class ConvolutionChannels {

	/** The channel block of the AVX-512 kernels, a multiple of the AVX2 one. */
	static final int BLOCK = 16;

	private ConvolutionChannels() {}

	/** Zero channels to append to an input of {@code channels} (0 when none are needed). */
	static int missingInputs(final long channels, final boolean gpu) {
		return gpu || channels <= BLOCK ? 0 : toBlock(channels);
	}

	/** Zero filters to append to {@code channels} outputs (0 when none are needed). */
	static int missingOutputs(final long channels, final boolean gpu, final boolean recording) {
		return gpu || !recording ? 0 : toBlock(channels);
	}

	private static int toBlock(final long channels) {
		return (int) ((BLOCK - channels % BLOCK) % BLOCK);
	}

	/**
	 * @param a an array whose {@code axis} is widened
	 * @return {@code a} followed along {@code axis} by {@code zeros} slices of zeros, differentiable
	 *         with respect to {@code a}, attached to {@code manager}
	 */
	static NDArray widen(final NDArray a, final int zeros, final int axis, final NDManager manager) {
		final long[] shape = a.getShape().getShape().clone();
		shape[axis] = zeros;
		return a.concat(manager.zeros(new Shape(shape), a.getDataType()), axis);
	}
}
