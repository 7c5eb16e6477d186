package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.norm.Dropout;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Residual block of the U-Net: GroupNorm, SiLU, 3×3×3 conv, then the embedding, dropout, SiLU and
 * a second 3×3×3 conv; the input is added back, through a 1×1×1 conv when the width changes.
 * Inputs: the feature map and the embedding [N, E].
 * <p>
 * With {@link NetworkConfig#adaptiveNorm()} the embedding is projected to a per-channel scale and
 * shift applied after the second GroupNorm, {@code h = norm(h)·(1 + scale) + shift} (EDM's adaptive
 * GroupNorm, Karras et al. 2022, and SPEC §7). Otherwise (networks of model files written before
 * the network section named its embedding) it is added per channel before that GroupNorm, which
 * subtracts it exactly when a group holds one channel: such a network cannot see the noise level at
 * that width.
 */
final class ResidualBlock3d extends ConfiguredBlock {

	private final int outChannels;
	private final float dropout;
	private final boolean adaptiveNorm;
	private final GroupNorm3d norm1;
	private final PaddedConv3d conv1;
	private final DenseLayer embedding;
	private final GroupNorm3d norm2;
	private final PaddedConv3d conv2;
	private final PaddedConv3d skip;

	ResidualBlock3d(final int inChannels, final int outChannels, final int embeddingChannels,
		final NetworkConfig config)
	{
		this.outChannels = outChannels;
		this.dropout = (float) config.dropout();
		adaptiveNorm = config.adaptiveNorm();
		norm1 = addChildBlock("norm1", new GroupNorm3d(inChannels, config.groups()));
		conv1 = addChildBlock("conv1", new PaddedConv3d(inChannels, outChannels, 3, config
			.periodic()));
		embedding = addChildBlock("embedding", new DenseLayer(embeddingChannels,
			adaptiveNorm ? 2 * outChannels : outChannels));
		norm2 = addChildBlock("norm2", new GroupNorm3d(outChannels, config.groups()));
		conv2 = addChildBlock("conv2", new PaddedConv3d(outChannels, outChannels, 3, config
			.periodic()));
		skip = inChannels == outChannels ? null : addChildBlock("skip", new PaddedConv3d(
			inChannels, outChannels, 1, config.periodic()));
	}

	NDArray apply(final ParameterStore store, final NDArray x, final NDArray emb,
		final boolean training)
	{
		NDArray h = conv1.apply(store, silu(norm1.apply(store, x, training)), training);
		final NDArray e = embedding.apply(store, silu(emb), training);
		final long batch = e.getShape().get(0);
		if (adaptiveNorm) {
			final NDArray scaleShift = e.reshape(batch, 2, outChannels, 1, 1, 1);
			final NDArray scale = scaleShift.get(":, 0");
			final NDArray shift = scaleShift.get(":, 1");
			h = norm2.applyScaled(store, h, scale, shift, training);
			if (dropout > 0) h = Dropout.dropout(h, dropout, training).singletonOrThrow();
			h = silu(h);
		}
		else {
			h = h.add(e.reshape(batch, outChannels, 1, 1, 1));
			if (dropout > 0) h = Dropout.dropout(h, dropout, training).singletonOrThrow();
			h = silu(norm2.apply(store, h, training));
		}
		h = conv2.apply(store, h, training);
		return (skip == null ? x : skip.apply(store, x, training)).add(h);
	}

	@Override
	protected NDList forwardInternal(final ParameterStore store, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		return single(apply(store, inputs.get(0), inputs.get(1), training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputShapes) {
		final Shape in = inputShapes[0];
		return new Shape[] { new Shape(in.get(0), outChannels, in.get(2), in.get(3), in.get(4)) };
	}
}
