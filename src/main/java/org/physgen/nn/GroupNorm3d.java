package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation of an NCDHW tensor with libtorch's fused operator ({@link LibtorchOps}; DJL's
 * engine has none). Channels are split into groups; each group of each item is normalised to zero
 * mean and unit (biased) variance over its channels and voxels, then scaled and shifted per channel
 * by learnable gamma and beta.
 */
public final class GroupNorm3d extends ConfiguredBlock {

	/** Added to the variance before the square root. */
	public static final float EPSILON = 1e-5f;

	private final int channels;
	private final int groups;
	private final Parameter gamma;
	private final Parameter beta;

	/**
	 * @param channels channels of the input
	 * @param groups groups, must divide {@code channels}
	 */
	public GroupNorm3d(final int channels, final int groups) {
		if (channels < 1 || groups < 1 || channels % groups != 0) {
			throw new IllegalArgumentException("groups (" + groups + ") must divide channels (" +
				channels + ")");
		}
		this.channels = channels;
		this.groups = groups;
		// Shaped [C, 1, 1, 1] so that they broadcast over NCDHW without a reshape per call.
		final Shape shape = new Shape(channels, 1, 1, 1);
		gamma = parameter("gamma", Parameter.Type.GAMMA, shape);
		beta = parameter("beta", Parameter.Type.BETA, shape);
	}

	public int channels() {
		return channels;
	}

	public int groups() {
		return groups;
	}

	NDArray apply(final ParameterStore store, final NDArray x, final boolean training) {
		requireShape(x);
		return LibtorchOps.groupNorm(groups).apply(x, store.getValue(gamma, x.getDevice(), training), store
			.getValue(beta, x.getDevice(), training));
	}

	/**
	 * The normalisation followed by a per-item scale and shift, {@code apply(x)·(1 + scale) + shift},
	 * writing the full tensor twice instead of three times (EDM's adaptive GroupNorm).
	 *
	 * @param scale [N, C, 1, 1, 1]
	 * @param shift [N, C, 1, 1, 1]
	 */
	NDArray applyScaled(final ParameterStore store, final NDArray x, final NDArray scale,
		final NDArray shift, final boolean training)
	{
		requireShape(x);
		return LibtorchOps.adaptiveGroupNorm(groups).apply(x, store.getValue(gamma, x.getDevice(), training),
			store.getValue(beta, x.getDevice(), training), scale, shift);
	}

	private void requireShape(final NDArray x) {
		final Shape shape = x.getShape();
		if (shape.dimension() != 5 || shape.get(1) != channels) {
			throw new IllegalArgumentException("GroupNorm3d expects [N, " + channels +
				", D, H, W], got " + shape);
		}
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
