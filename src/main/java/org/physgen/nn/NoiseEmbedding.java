package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;

/**
 * Embedding of the per-item noise input (and optional condition vector) that every residual
 * block receives: sinusoidal features of the scalar, an MLP (Linear, SiLU, Linear), plus a linear
 * map of the condition.
 */
final class NoiseEmbedding extends ConfiguredBlock {

	/**
	 * Noise inputs are small (DSD: t in [0, 1]; PFGM++: ln(σ)/4), so they are scaled to the range
	 * of diffusion step counts before the sinusoids, whose periods span 2π to 2π·10⁴.
	 */
	static final float INPUT_SCALE = 1000f;
	private static final double MAX_PERIOD = 10000;

	private final int embeddingChannels;
	private final float[] frequencies;
	private final DenseLayer hidden;
	private final DenseLayer output;
	private final DenseLayer condition;

	NoiseEmbedding(final NetworkConfig config) {
		embeddingChannels = config.embeddingChannels();
		final int half = Math.max(1, config.baseChannels() / 2);
		frequencies = new float[half];
		for (int i = 0; i < half; i++) {
			frequencies[i] = (float) (INPUT_SCALE * Math.exp(-Math.log(MAX_PERIOD) * i / half));
		}
		hidden = addChildBlock("hidden", new DenseLayer(2 * half, embeddingChannels));
		output = addChildBlock("output", new DenseLayer(embeddingChannels, embeddingChannels));
		condition = config.conditionDim() == 0 ? null : addChildBlock("condition",
			new DenseLayer(config.conditionDim(), embeddingChannels));
	}

	/**
	 * @param noise [N]
	 * @param cond [N, conditionDim], or null without condition
	 * @return [N, embeddingChannels]
	 */
	NDArray apply(final ParameterStore store, final NDArray noise, final NDArray cond,
		final boolean training)
	{
		final NDArray freq = noise.getManager().create(frequencies).toDevice(noise.getDevice(),
			false);
		final NDArray angles = noise.reshape(-1, 1).mul(freq.reshape(1, -1));
		final NDArray features = angles.cos().concat(angles.sin(), 1);
		NDArray emb = output.apply(store, silu(hidden.apply(store, features, training)), training);
		if (condition != null) emb = emb.add(condition.apply(store, cond, training));
		return emb;
	}

	@Override
	protected NDList forwardInternal(final ParameterStore store, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		return single(apply(store, inputs.get(0), condition == null ? null : inputs.get(1),
			training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputShapes) {
		return new Shape[] { new Shape(inputShapes[0].get(0), embeddingChannels) };
	}
}
