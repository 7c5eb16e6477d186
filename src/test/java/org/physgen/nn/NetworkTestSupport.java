package org.physgen.nn;

import java.util.List;
import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;

/** Tiny networks and helpers shared by the network tests. */
public final class NetworkTestSupport {

	static final int SIZE = 8;

	private NetworkTestSupport() {}

	static NDManager manager() {
		DjlRuntime.start(0, line -> {});
		return NDManager.newBaseManager(DjlRuntime.ENGINE);
	}

	/** Two levels of widths 4 and 8, one residual block each, two groups. */
	static NetworkConfig tiny(final int in, final int out, final int condition,
		final boolean attention, final boolean periodic)
	{
		return new NetworkConfig(in, out, 4, List.of(1, 2), 1, 2, 0.0, attention, condition,
			periodic);
	}

	public static float[] random(final int length, final long seed) {
		final SplittableRandom r = new SplittableRandom(seed);
		final float[] a = new float[length];
		for (int i = 0; i < length; i++) a[i] = (float) r.nextDouble(-1, 1);
		return a;
	}

	/** Gives the zero-initialised output conv random weights so that the output depends on x. */
	static void perturbOutput(final UNet3d net, final long seed) {
		long s = seed;
		for (final Parameter p : net.outputParameters()) {
			final NDArray a = p.getArray();
			a.set(random(Math.toIntExact(a.size()), s++));
		}
	}

	static NDArray forward(final UNet3d net, final NDManager manager, final float[] x,
		final int batch, final float[] noise, final float[] condition)
	{
		final NetworkConfig c = net.config();
		final NDArray cond = c.conditionDim() > 0 ? manager.create(condition, new Shape(batch, c
			.conditionDim())) : null;
		return net.apply(new ParameterStore(manager, false), manager.create(x, new Shape(batch, c
			.inputChannels(), SIZE, SIZE, SIZE)), manager.create(noise), cond, false);
	}
}
