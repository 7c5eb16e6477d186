package org.physgen.nn;

import java.util.SplittableRandom;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.initializer.Initializer;

/**
 * Weight initialiser drawn from a seeded Java generator, so initial weights are the same on every
 * engine and device: uniform on ±√(3/fanIn) (variance 1/fanIn), with fanIn the product of all
 * dimensions but the first. Values depend on the order of the calls, which is the fixed order of
 * a block's parameters.
 */
final class SeededInitializer implements Initializer {

	private final SplittableRandom random;

	SeededInitializer(final long seed) {
		random = new SplittableRandom(seed);
	}

	@Override
	public NDArray initialize(final NDManager manager, final Shape shape, final DataType dataType) {
		final long size = shape.size();
		final long fanIn = Math.max(1, size / shape.get(0));
		final double bound = Math.sqrt(3.0 / fanIn);
		final float[] values = new float[Math.toIntExact(size)];
		for (int i = 0; i < values.length; i++) {
			values[i] = (float) random.nextDouble(-bound, bound);
		}
		return Tensors.of(manager, values, shape).toType(dataType, false);
	}
}
