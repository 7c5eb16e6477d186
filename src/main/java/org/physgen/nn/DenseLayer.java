package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/** A fully connected layer [N, in] → [N, out] with bias and a fixed input width. */
final class DenseLayer extends ConfiguredBlock {

	private final int outFeatures;
	private final Parameter weight;
	private final Parameter bias;

	DenseLayer(final int inFeatures, final int outFeatures) {
		this.outFeatures = outFeatures;
		weight = parameter("weight", Parameter.Type.WEIGHT, new Shape(outFeatures, inFeatures));
		bias = parameter("bias", Parameter.Type.BIAS, new Shape(outFeatures));
	}

	NDArray apply(final ParameterStore store, final NDArray x, final boolean training) {
		return Linear.linear(x, store.getValue(weight, x.getDevice(), training),
			store.getValue(bias, x.getDevice(), training)).singletonOrThrow();
	}

	@Override
	protected NDList forwardInternal(final ParameterStore store, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		return single(apply(store, inputs.singletonOrThrow(), training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), outFeatures) };
	}
}
