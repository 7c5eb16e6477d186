package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Group normalisation of an NCDHW tensor, through the engine's batch normalisation because the
 * PyTorch engine of DJL has no GroupNorm operator. Channels are split into groups; each group of each item is
 * normalised to zero mean and unit (biased) variance over its channels and voxels, then scaled and
 * shifted per channel by learnable gamma and beta.
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
		final Shape shape = x.getShape();
		if (shape.dimension() != 5 || shape.get(1) != channels) {
			throw new IllegalArgumentException("GroupNorm3d expects [N, " + channels +
				", D, H, W], got " + shape);
		}
		// Each (item, group) becomes one channel of a batch of one, so that the engine's fused batch
		// normalisation (batch statistics, biased variance) computes exactly the group statistics.
		final long slots = shape.get(0) * groups;
		final NDManager manager = x.getManager();
		final NDArray grouped = x.reshape(1, slots, -1);
		final NDArray normalised = grouped.getNDArrayInternal().batchNorm(grouped, manager.zeros(new Shape(slots)),
			manager.ones(new Shape(slots)), manager.ones(new Shape(slots)), manager.zeros(new Shape(slots)), -1,
			0, EPSILON, true).singletonOrThrow().reshape(shape);
		return normalised.mul(store.getValue(gamma, x.getDevice(), training))
			.add(store.getValue(beta, x.getDevice(), training));
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
