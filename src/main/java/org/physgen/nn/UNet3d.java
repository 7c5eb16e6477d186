package org.physgen.nn;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;
import ai.djl.util.Pair;
import ai.djl.util.PairList;

import org.physgen.volume.FailureReasons;

/**
 * The 3D U-Net of SPEC §7 as a DJL block. Forward input: {@code x} [N, inputChannels, D, H, W],
 * {@code noise} [N] and, when {@link NetworkConfig#conditionDim()} &gt; 0, {@code condition}
 * [N, conditionDim], all float32; output: the raw network output [N, outputChannels, D, H, W]
 * (heads such as softplus or EDM preconditioning are the caller's). D, H and W must be multiples
 * of {@link NetworkConfig#sizeMultiple()}.
 * <p>
 * Layout: input conv; per level {@code resBlocks} residual blocks, average pooling between levels;
 * at the lowest level a residual block, optional self-attention, a residual block; the decoder
 * mirrors each level with {@code resBlocks + 1} residual blocks on the concatenation with the
 * encoder's skips and goes up by nearest-neighbour upsampling plus a conv; finally GroupNorm,
 * SiLU and a zero-initialised output conv, so a fresh network outputs exactly zero.
 */
public final class UNet3d extends ConfiguredBlock {

	private final NetworkConfig config;
	private final NoiseEmbedding embedding;
	private final PaddedConv3d inputConv;
	private final List<List<ResidualBlock3d>> encoder = new ArrayList<>();
	private final ResidualBlock3d middle1;
	private final SelfAttention3d attention;
	private final ResidualBlock3d middle2;
	private final List<List<ResidualBlock3d>> decoder = new ArrayList<>();
	private final List<PaddedConv3d> upConvs = new ArrayList<>();
	private final GroupNorm3d outputNorm;
	private final PaddedConv3d outputConv;

	/** An uninitialised network; see {@link #create} and {@link #load}. */
	public UNet3d(final NetworkConfig config) {
		this.config = config;
		final int levels = config.levels();
		final int emb = config.embeddingChannels();
		final boolean periodic = config.periodic();
		embedding = addChildBlock("embedding", new NoiseEmbedding(config));
		int width = width(0);
		inputConv = addChildBlock("input", new PaddedConv3d(config.inputChannels(), width, 3,
			periodic));
		final Deque<Integer> skipWidths = new ArrayDeque<>();
		skipWidths.push(width);
		for (int level = 0; level < levels; level++) {
			final List<ResidualBlock3d> blocks = new ArrayList<>();
			for (int b = 0; b < config.resBlocks(); b++) {
				blocks.add(addChildBlock("down" + level + "_" + b, new ResidualBlock3d(width,
					width(level), emb, config)));
				width = width(level);
				skipWidths.push(width);
			}
			encoder.add(blocks);
			if (level < levels - 1) skipWidths.push(width);
		}
		middle1 = addChildBlock("middle1", new ResidualBlock3d(width, width, emb, config));
		attention = config.attention() ? addChildBlock("attention", new SelfAttention3d(width,
			config.groups())) : null;
		middle2 = addChildBlock("middle2", new ResidualBlock3d(width, width, emb, config));
		for (int level = levels - 1; level >= 0; level--) {
			final List<ResidualBlock3d> blocks = new ArrayList<>();
			for (int b = 0; b <= config.resBlocks(); b++) {
				blocks.add(addChildBlock("up" + level + "_" + b, new ResidualBlock3d(width +
					skipWidths.pop(), width(level), emb, config)));
				width = width(level);
			}
			decoder.add(blocks);
			if (level > 0) upConvs.add(addChildBlock("upsample" + level, new PaddedConv3d(width,
				width, 3, periodic)));
		}
		outputNorm = addChildBlock("output_norm", new GroupNorm3d(width, config.groups()));
		outputConv = addChildBlock("output", new PaddedConv3d(width, config.outputChannels(), 3,
			periodic));
	}

	/**
	 * A network with parameters initialised reproducibly from {@code seed} (the same values on
	 * every engine and device), on the device of {@code manager}.
	 */
	public static UNet3d create(final NetworkConfig config, final NDManager manager,
		final long seed)
	{
		final UNet3d net = new UNet3d(config);
		net.setInitializer(new SeededInitializer(seed), Parameter.Type.WEIGHT);
		net.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
		net.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
		net.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
		net.setInitializer(Initializer.ZEROS, net.outputConv::owns);
		net.initialize(manager, DataType.FLOAT32, net.exampleInputShapes());
		return net;
	}

	/**
	 * A network with the parameters written by {@link #parameterBytes()}, checked against the
	 * shapes that {@code config} implies.
	 *
	 * @throws IllegalArgumentException when the bytes do not hold parameters of this configuration
	 */
	public static UNet3d load(final NetworkConfig config, final NDManager manager,
		final byte[] parameters)
	{
		final UNet3d net = new UNet3d(config);
		final Map<String, Shape> expected = new LinkedHashMap<>();
		for (final Pair<String, Parameter> p : net.getParameters()) {
			expected.put(p.getKey(), p.getValue().getShape());
		}
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(parameters))) {
			net.loadParameters(manager, in);
			if (in.read() != -1) {
				throw new IllegalArgumentException("network weights are longer than the network " +
					"configuration needs: the weights belong to a different network");
			}
		}
		catch (final IOException | MalformedModelException | RuntimeException e) {
			if (e instanceof IllegalArgumentException) throw (IllegalArgumentException) e;
			throw new IllegalArgumentException((e instanceof EOFException
				? "network weights end before the network configuration " + config + " is complete: the"
					+ " weights entry is cut short, or belongs to a smaller network"
				: "network weights do not match the network configuration " + config + ": "
					+ FailureReasons.withFile(e)), e);
		}
		for (final Pair<String, Parameter> p : net.getParameters()) {
			final Shape shape = p.getValue().getShape();
			if (!expected.get(p.getKey()).equals(shape)) {
				throw new IllegalArgumentException("network weight " + p.getKey() + " has shape " +
					shape + " but the network configuration needs " + expected.get(p.getKey()));
			}
		}
		// marks the loaded arrays as requiring gradients, so a loaded network can be trained on
		net.initialize(manager, DataType.FLOAT32, net.exampleInputShapes());
		return net;
	}

	/** All parameters as written by {@link #saveParameters(DataOutputStream)}. */
	public byte[] parameterBytes() {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			saveParameters(out);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	public NetworkConfig config() {
		return config;
	}

	/** Number of learnable scalars. */
	public long parameterCount() {
		long count = 0;
		for (final Parameter p : getParameters().values()) {
			count += p.getShape().size();
		}
		return count;
	}

	/** The zero-initialised output convolution's weight and bias. */
	public List<Parameter> outputParameters() {
		final List<Parameter> list = new ArrayList<>();
		for (final Parameter p : outputConv.getDirectParameters().values()) list.add(p);
		return list;
	}

	/**
	 * Runs the network.
	 *
	 * @param x [N, inputChannels, D, H, W]
	 * @param noise [N]
	 * @param condition [N, conditionDim], or null when the network takes none
	 * @return [N, outputChannels, D, H, W]
	 */
	public NDArray apply(final ParameterStore store, final NDArray x, final NDArray noise,
		final NDArray condition, final boolean training)
	{
		checkInputs(x, noise, condition);
		final NDArray emb = embedding.apply(store, noise, condition, training);
		NDArray h = inputConv.apply(store, x, training);
		final Deque<NDArray> skips = new ArrayDeque<>();
		skips.push(h);
		final int levels = config.levels();
		for (int level = 0; level < levels; level++) {
			for (final ResidualBlock3d block : encoder.get(level)) {
				final NDArray in = h;
				h = scoped(() -> block.apply(store, in, emb, training));
				skips.push(h);
			}
			if (level < levels - 1) {
				h = Pool.avgPool3d(h, new Shape(2, 2, 2), new Shape(2, 2, 2), new Shape(0, 0, 0),
					false, true);
				skips.push(h);
			}
		}
		final NDArray bottom = h;
		h = scoped(() -> {
			NDArray m = middle1.apply(store, bottom, emb, training);
			if (attention != null) m = attention.apply(store, m, training);
			return middle2.apply(store, m, emb, training);
		});
		for (int i = 0; i < levels; i++) {
			for (final ResidualBlock3d block : decoder.get(i)) {
				final NDArray in = h;
				final NDArray skip = skips.pop();
				h = scoped(() -> block.apply(store, in.concat(skip, 1), emb, training));
			}
			if (i < levels - 1) {
				final NDArray in = h;
				final PaddedConv3d up = upConvs.get(i);
				h = scoped(() -> up.apply(store, LibtorchOps.UPSAMPLE.apply(in), training));
			}
		}
		final NDArray last = h;
		return scoped(() -> outputConv.apply(store, silu(outputNorm.apply(store, last, training)),
			training));
	}

	/**
	 * Runs one stage and closes its intermediate arrays at once rather than when the caller's
	 * manager closes, which bounds the memory of a forward pass. Autograd keeps its own
	 * references to what the backward pass needs.
	 */
	private static NDArray scoped(final Supplier<NDArray> stage) {
		try (NDScope scope = new NDScope()) {
			final NDArray out = stage.get();
			NDScope.unregister(out);
			return out;
		}
	}

	@Override
	protected NDList forwardInternal(final ParameterStore store, final NDList inputs,
		final boolean training, final PairList<String, Object> params)
	{
		final int expected = config.conditionDim() > 0 ? 3 : 2;
		if (inputs.size() != expected) {
			throw new IllegalArgumentException("UNet3d expects " + expected +
				" inputs (x, noise" + (expected == 3 ? ", condition" : "") + "), got " + inputs
					.size());
		}
		return single(apply(store, inputs.get(0), inputs.get(1), expected == 3 ? inputs.get(2)
			: null, training));
	}

	@Override
	public Shape[] getOutputShapes(final Shape[] inputShapes) {
		final Shape in = inputShapes[0];
		return new Shape[] { new Shape(in.get(0), config.outputChannels(), in.get(2), in.get(3), in
			.get(4)) };
	}

	private int width(final int level) {
		return config.baseChannels() * config.multipliers().get(level);
	}

	private Shape[] exampleInputShapes() {
		final int s = config.sizeMultiple();
		final Shape x = new Shape(1, config.inputChannels(), s, s, s);
		return config.conditionDim() > 0 ? new Shape[] { x, new Shape(1), new Shape(1, config
			.conditionDim()) } : new Shape[] { x, new Shape(1) };
	}

	private void checkInputs(final NDArray x, final NDArray noise, final NDArray condition) {
		final Shape s = x.getShape();
		if (s.dimension() != 5 || s.get(1) != config.inputChannels()) {
			throw new IllegalArgumentException("network input must be [N, " + config
				.inputChannels() + ", D, H, W], got " + s);
		}
		final int m = config.sizeMultiple();
		for (int axis = 2; axis < 5; axis++) {
			if (s.get(axis) % m != 0) {
				throw new IllegalArgumentException("size must be a multiple of " + m +
					" for this network, got " + s.get(axis) + " in input shape " + s);
			}
		}
		if (!noise.getShape().equals(new Shape(s.get(0)))) {
			throw new IllegalArgumentException("noise must be [" + s.get(0) + "], got " + noise
				.getShape());
		}
		if (config.conditionDim() > 0) {
			final Shape want = new Shape(s.get(0), config.conditionDim());
			if (condition == null || !condition.getShape().equals(want)) {
				throw new IllegalArgumentException("condition must be " + want + ", got " +
					(condition == null ? "none" : condition.getShape()));
			}
		}
	}
}
