package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * A cubic convolution with stride 1 that keeps the spatial size: a 3×3×3 kernel pads by one
 * voxel, with zeros or, for periodic volumes, circularly ({@link CircularPadding}); a 1×1×1 kernel
 * needs no padding.
 */
final class PaddedConv3d extends ConfiguredBlock {

	private final int kernel;
	private final boolean periodic;
	private final int outChannels;
	private final Parameter weight;
	private final Parameter bias;

	PaddedConv3d(final int inChannels, final int outChannels, final int kernel,
		final boolean periodic)
	{
		if (kernel != 1 && kernel != 3) {
			throw new IllegalArgumentException("kernel must be 1 or 3, got " + kernel);
		}
		this.kernel = kernel;
		this.periodic = periodic;
		this.outChannels = outChannels;
		weight = parameter("weight", Parameter.Type.WEIGHT,
			new Shape(outChannels, inChannels, kernel, kernel, kernel));
		bias = parameter("bias", Parameter.Type.BIAS, new Shape(outChannels));
	}

	boolean owns(final Parameter p) {
		return p == weight || p == bias;
	}

	NDArray apply(final ParameterStore store, final NDArray x, final boolean training) {
		final NDArray w = store.getValue(weight, x.getDevice(), training);
		final NDArray b = store.getValue(bias, x.getDevice(), training);
		final Shape stride = new Shape(1, 1, 1);
		final int pad = kernel / 2;
		if (pad > 0 && periodic) {
			return Conv3d.conv3d(CircularPadding.pad(x), w, b, stride, new Shape(0, 0, 0))
				.singletonOrThrow();
		}
		return Conv3d.conv3d(x, w, b, stride, new Shape(pad, pad, pad)).singletonOrThrow();
	}

	@Override
	protected NDList forwardInternal(final ParameterStore store, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		return single(apply(store, inputs.singletonOrThrow(), training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputShapes) {
		final Shape in = inputShapes[0];
		return new Shape[] { new Shape(in.get(0), outChannels, in.get(2), in.get(3), in.get(4)) };
	}
}
