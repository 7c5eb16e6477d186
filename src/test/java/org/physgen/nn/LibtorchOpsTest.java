package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * The fused libtorch operators give the values and gradients of the engine compositions they
 * replace in the U-Net: SiLU as x·sigmoid(x), upsampling as three repeats, adaptive GroupNorm as
 * normalisation, product and sum.
 */
class LibtorchOpsTest {

	private static final Shape SHAPE = new Shape(2, 4, 3, 4, 2);

	@Test
	void siluEqualsXTimesSigmoidWithTheSameGradient() {
		try (NDManager manager = NetworkTestSupport.manager()) {
			final float[] x = scaled(NetworkTestSupport.random((int) SHAPE.size(), 1), 6);
			compare(manager, List.of(x), List.of(SHAPE), in -> LibtorchOps.SILU.apply(in.get(0)), in -> in.get(0)
				.mul(Activation.sigmoid(in.get(0))), 1e-6f, 1e-6f);
		}
	}

	@Test
	void upsamplingRepeatsEveryVoxelTwicePerAxisWithTheSameGradient() {
		try (NDManager manager = NetworkTestSupport.manager()) {
			final float[] x = NetworkTestSupport.random((int) SHAPE.size(), 2);
			final NDArray up = LibtorchOps.UPSAMPLE.apply(manager.create(x, SHAPE));
			assertEquals(new Shape(2, 4, 6, 8, 4), up.getShape());
			compare(manager, List.of(x), List.of(SHAPE), in -> LibtorchOps.UPSAMPLE.apply(in.get(0)), in -> in.get(
				0).repeat(2, 2).repeat(3, 2).repeat(4, 2), 0, 1e-6f);
		}
	}

	/** Against GroupNorm, then ·(1 + scale) and + shift: values and the gradients of all five operands. */
	@Test
	void adaptiveGroupNormEqualsNormalisationThenScaleAndShift() {
		final int channels = (int) SHAPE.get(1);
		final Shape perChannel = new Shape(channels, 1, 1, 1);
		final Shape perItem = new Shape(SHAPE.get(0), channels, 1, 1, 1);
		try (NDManager manager = NetworkTestSupport.manager()) {
			final GroupNorm3d norm = new GroupNorm3d(channels, 2);
			norm.initialize(manager, DataType.FLOAT32, SHAPE);
			final ParameterStore store = new ParameterStore(manager, false);
			final List<float[]> values = List.of(scaled(NetworkTestSupport.random((int) SHAPE.size(), 3), 4),
				NetworkTestSupport.random(channels, 4), NetworkTestSupport.random(channels, 5), NetworkTestSupport
					.random((int) perItem.size(), 6), NetworkTestSupport.random((int) perItem.size(), 7));
			final List<Shape> shapes = List.of(SHAPE, perChannel, perChannel, perItem, perItem);
			compare(manager, values, shapes, in -> LibtorchOps.adaptiveGroupNorm(2).apply(in.get(0), in.get(1), in
				.get(2), in.get(3), in.get(4)), in -> LibtorchOps.groupNorm(2).apply(in.get(0), in.get(1), in.get(2))
					.mul(in.get(3).add(1)).add(in.get(4)), 1e-6f, 1e-6f);
			final NDArray x = manager.create(values.get(0), SHAPE);
			final NDArray scale = manager.create(values.get(3), perItem);
			final NDArray shift = manager.create(values.get(4), perItem);
			assertArrayEquals(norm.apply(store, x, false).mul(scale.add(1)).add(shift).toFloatArray(), norm
				.applyScaled(store, x, scale, shift, false).toFloatArray(), 1e-5f);
		}
	}

	/**
	 * Runs both formulations on the same inputs and compares their values and the gradients of every
	 * input under a random weighting of the output, to the tolerances times the largest magnitude (the
	 * gradients may sum in another order).
	 */
	private static void compare(final NDManager manager, final List<float[]> values, final List<Shape> shapes,
		final Function<NDList, NDArray> fused, final Function<NDList, NDArray> composed, final float tolerance,
		final float gradientTolerance)
	{
		final List<float[]> results = new ArrayList<>();
		final List<List<float[]>> gradients = new ArrayList<>();
		for (final Function<NDList, NDArray> f : List.of(fused, composed)) {
			final NDList inputs = new NDList();
			for (int i = 0; i < values.size(); i++) inputs.add(manager.create(values.get(i), shapes.get(i)));
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				for (final NDArray in : inputs) in.setRequiresGradient(true);
				final NDArray out = f.apply(inputs);
				collector.backward(out.mul(manager.create(NetworkTestSupport.random((int) out.size(), 9), out
					.getShape())).sum());
				results.add(out.toFloatArray());
			}
			final List<float[]> g = new ArrayList<>();
			for (final NDArray in : inputs) g.add(in.getGradient().toFloatArray());
			gradients.add(g);
		}
		assertClose(results.get(1), results.get(0), tolerance, "values");
		for (int i = 0; i < values.size(); i++) {
			assertClose(gradients.get(1).get(i), gradients.get(0).get(i), gradientTolerance, "gradient of input " + i);
		}
	}

	private static void assertClose(final float[] expected, final float[] actual, final float tolerance,
		final String what)
	{
		float largest = 1;
		for (final float v : expected) largest = Math.max(largest, Math.abs(v));
		assertArrayEquals(expected, actual, tolerance * largest, what);
	}

	private static float[] scaled(final float[] values, final float factor) {
		for (int i = 0; i < values.length; i++) values[i] *= factor;
		return values;
	}
}
