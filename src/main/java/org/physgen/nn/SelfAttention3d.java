package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Single-head self-attention over all voxels of a feature map, with a residual connection:
 * GroupNorm, 1×1×1 convs to queries, keys and values, softmax(QᵀK/√C), a 1×1×1 output
 * projection. Cost grows with the square of the voxel count, so it is only used at the lowest
 * level.
 */
final class SelfAttention3d extends ConfiguredBlock {

	private final int channels;
	private final GroupNorm3d norm;
	private final PaddedConv3d qkv;
	private final PaddedConv3d projection;

	SelfAttention3d(final int channels, final int groups) {
		this.channels = channels;
		norm = addChildBlock("norm", new GroupNorm3d(channels, groups));
		qkv = addChildBlock("qkv", new PaddedConv3d(channels, 3 * channels, 1, false));
		projection = addChildBlock("projection", new PaddedConv3d(channels, channels, 1, false));
	}

	NDArray apply(final ParameterStore store, final NDArray x, final boolean training) {
		final Shape shape = x.getShape();
		final long n = shape.get(0);
		final NDArray all = qkv.apply(store, norm.apply(store, x, training), training)
			.reshape(n, 3, channels, -1);
		final NDArray q = all.get(new NDIndex().addAllDim().addIndices(0));
		final NDArray k = all.get(new NDIndex().addAllDim().addIndices(1));
		final NDArray v = all.get(new NDIndex().addAllDim().addIndices(2));
		// weights[n, i, j]: how much voxel i attends to voxel j
		final NDArray weights = q.transpose(0, 2, 1).matMul(k).div(Tensors.scalar(x.getManager(), Math
			.sqrt(channels))).softmax(2);
		final NDArray attended = v.matMul(weights.transpose(0, 2, 1)).reshape(shape);
		return x.add(projection.apply(store, attended, training));
	}

	@Override
	protected NDList forwardInternal(final ParameterStore store, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		return single(apply(store, inputs.singletonOrThrow(), training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputShapes) {
		return new Shape[] { inputShapes[0] };
	}
}
