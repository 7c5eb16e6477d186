package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.pytorch.jni.JniUtils;
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
		NDArray w = store.getValue(weight, x.getDevice(), training);
		NDArray b = store.getValue(bias, x.getDevice(), training);
		final int pad = kernel / 2;
		final boolean circular = pad > 0 && periodic;
		NDArray input = circular ? CircularPadding.pad(x) : x;
		final boolean gpu = x.getDevice().isGpu();
		final NDManager manager = input.getManager();
		final int inputs = ConvolutionChannels.missingInputs(input.getShape().get(1), gpu);
		if (inputs > 0) {
			input = ConvolutionChannels.widen(input, inputs, 1, manager);
			w = ConvolutionChannels.widen(w, inputs, 1, manager);
		}
		final int outputs = ConvolutionChannels.missingOutputs(outChannels, gpu, JniUtils.isGradMode());
		if (outputs > 0) {
			w = ConvolutionChannels.widen(w, outputs, 0, manager);
			b = ConvolutionChannels.widen(b, outputs, 0, manager);
		}
		final int border = circular ? 0 : pad;
		final NDArray out = Conv3d.conv3d(input, w, b, new Shape(1, 1, 1), new Shape(border, border, border))
			.singletonOrThrow();
		return outputs > 0 ? out.get(new NDIndex(":, :{}", outChannels)) : out;
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
