package org.physgen.nn;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

/**
 * A {@link UNet3d} evaluated for inference on flat arrays. Each call copies the arrays into
 * tensors of a per-call manager on the network's device, runs the forward pass without gradients
 * and in inference mode (no dropout), copies the output back and frees the call's tensors.
 * Not thread-safe: one call at a time.
 */
public final class BlockNetworkFunction implements NetworkFunction {

	private final UNet3d network;
	private final NDManager manager;
	private final ParameterStore store;

	/**
	 * @param network an initialised network whose parameters live in {@code manager}
	 * @param manager closed with this function
	 */
	public BlockNetworkFunction(final UNet3d network, final NDManager manager) {
		this.network = network;
		this.manager = manager;
		this.store = new ParameterStore(manager, false);
	}

	/** Loads weights written by {@link UNet3d#parameterBytes()} onto {@code device}. */
	public static BlockNetworkFunction load(final NetworkConfig config, final byte[] parameters,
		final Device device)
	{
		DjlRuntime.engine();
		final NDManager manager = NDManager.newBaseManager(device, DjlRuntime.ENGINE);
		try {
			return new BlockNetworkFunction(UNet3d.load(config, manager, parameters), manager);
		}
		catch (final RuntimeException e) {
			manager.close();
			throw e;
		}
	}

	public UNet3d network() {
		return network;
	}

	public Device device() {
		return manager.getDevice();
	}

	@Override
	public int inputChannels() {
		return network.config().inputChannels();
	}

	@Override
	public int outputChannels() {
		return network.config().outputChannels();
	}

	@Override
	public int conditionDim() {
		return network.config().conditionDim();
	}

	@Override
	public void evaluate(final int batch, final int sizeX, final int sizeY, final int sizeZ,
		final float[] input, final float[] noise, final float[] condition, final float[] output)
	{
		final long voxels = (long) sizeX * sizeY * sizeZ;
		requireLength("input", input, batch * inputChannels() * voxels);
		requireLength("noise", noise, batch);
		requireLength("output", output, batch * outputChannels() * voxels);
		if (conditionDim() > 0) requireLength("condition", condition, (long) batch * conditionDim());
		// Threads other than the one that loaded the engine start with gradient recording on; an
		// evaluation recorded for a backward pass that never comes costs memory and time.
		DjlRuntime.recordNoGradientsOnThisThread();
		try (NDManager call = manager.newSubManager()) {
			final NDArray x = call.create(input, new Shape(batch, inputChannels(), sizeZ, sizeY,
				sizeX));
			final NDArray t = call.create(noise, new Shape(batch));
			final NDArray c = conditionDim() > 0 ? call.create(condition, new Shape(batch,
				conditionDim())) : null;
			final float[] result = network.apply(store, x, t, c, false).toFloatArray();
			System.arraycopy(result, 0, output, 0, result.length);
		}
	}

	@Override
	public void close() {
		manager.close();
	}

	private static void requireLength(final String name, final float[] array, final long length) {
		if (array == null || array.length != length) {
			throw new IllegalArgumentException(name + " must have length " + length + ", got " +
				(array == null ? "none" : array.length));
		}
	}
}
