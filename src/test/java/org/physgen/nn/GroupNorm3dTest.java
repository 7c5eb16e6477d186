package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

class GroupNorm3dTest {

	@Test
	void matchesAHandComputation() {
		final int n = 2, c = 4, groups = 2, voxels = 6;
		final Shape shape = new Shape(n, c, 1, 2, 3);
		final float[] x = NetworkTestSupport.random(n * c * voxels, 3);
		for (int i = 0; i < x.length; i++) x[i] = x[i] * 3 + i % 5;
		final float[] gamma = { 1, 2, 0.5f, -1 };
		final float[] beta = { 0, 1, -1, 0.5f };
		final float[] expected = new float[x.length];
		final int perGroup = c / groups * voxels;
		for (int item = 0; item < n; item++) {
			for (int g = 0; g < groups; g++) {
				final int start = (item * c + g * c / groups) * voxels;
				double mean = 0;
				for (int i = 0; i < perGroup; i++) mean += x[start + i];
				mean /= perGroup;
				double variance = 0;
				for (int i = 0; i < perGroup; i++) variance += Math.pow(x[start + i] - mean, 2);
				variance /= perGroup;
				for (int i = 0; i < perGroup; i++) {
					final int ch = g * c / groups + i / voxels;
					expected[start + i] = (float) ((x[start + i] - mean) / Math.sqrt(variance +
						GroupNorm3d.EPSILON) * gamma[ch] + beta[ch]);
				}
			}
		}
		try (NDManager manager = NetworkTestSupport.manager()) {
			final GroupNorm3d norm = new GroupNorm3d(c, groups);
			norm.initialize(manager, DataType.FLOAT32, shape);
			norm.getParameters().get("gamma").getArray().set(gamma);
			norm.getParameters().get("beta").getArray().set(beta);
			final float[] actual = norm.apply(new ParameterStore(manager, false), manager.create(x,
				shape), false).toFloatArray();
			assertArrayEquals(expected, actual, 1e-5f);
		}
	}

	/**
	 * The gradient with respect to the input equals that of the textbook composition
	 * (x − mean) / sqrt(var + ε) per group, by autograd through elementwise operations.
	 */
	@Test
	void inputGradientsMatchTheComposedFormula() {
		final int n = 2, c = 6, groups = 3;
		final Shape shape = new Shape(n, c, 2, 3, 2);
		final float[] x = NetworkTestSupport.random((int) shape.size(), 5);
		final float[] weights = NetworkTestSupport.random((int) shape.size(), 6);
		try (NDManager manager = NetworkTestSupport.manager()) {
			final GroupNorm3d norm = new GroupNorm3d(c, groups);
			norm.initialize(manager, DataType.FLOAT32, shape);
			final NDArray w = manager.create(weights, shape);
			final float[] fused;
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				final NDArray input = manager.create(x, shape);
				input.setRequiresGradient(true);
				collector.backward(norm.apply(new ParameterStore(manager, false), input, true).mul(w).sum());
				fused = input.getGradient().toFloatArray();
			}
			final float[] composed;
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				final NDArray input = manager.create(x, shape);
				input.setRequiresGradient(true);
				final NDArray grouped = input.reshape(n, groups, -1);
				final NDArray centred = grouped.sub(grouped.mean(new int[] { 2 }, true));
				final NDArray variance = centred.square().mean(new int[] { 2 }, true);
				final NDArray normalised = centred.div(variance.add(manager.full(new Shape(1),
					GroupNorm3d.EPSILON)).sqrt()).reshape(shape);
				collector.backward(normalised.mul(w).sum());
				composed = input.getGradient().toFloatArray();
			}
			assertArrayEquals(composed, fused, 1e-4f);
		}
	}

	/**
	 * Values and the gradients of input, gamma and beta equal those of the formulation before libtorch's
	 * fused operator: the engine's batch normalisation over (item, group) slots, then ·gamma and +beta.
	 */
	@Test
	void matchesTheBatchNormalisationFormulation() {
		final int n = 2, c = 6, groups = 3;
		final Shape shape = new Shape(n, c, 2, 3, 4);
		final float[][] inputs = { NetworkTestSupport.random((int) shape.size(), 7), NetworkTestSupport.random(c,
			9), NetworkTestSupport.random(c, 10) };
		for (int i = 0; i < inputs[0].length; i++) inputs[0][i] = 5 * inputs[0][i] + i % 3;
		final float[] weights = NetworkTestSupport.random((int) shape.size(), 8);
		try (NDManager manager = NetworkTestSupport.manager()) {
			final float[][] fused = valueAndGradients(manager, inputs, shape, weights, in -> LibtorchOps.groupNorm(
				groups).apply(in.get(0), in.get(1), in.get(2)));
			final float[][] previous = valueAndGradients(manager, inputs, shape, weights, in -> {
				final long slots = n * groups;
				final NDArray grouped = in.get(0).reshape(1, slots, -1);
				return grouped.getNDArrayInternal().batchNorm(grouped, manager.zeros(new Shape(slots)), manager.ones(
					new Shape(slots)), manager.ones(new Shape(slots)), manager.zeros(new Shape(slots)), -1, 0,
					GroupNorm3d.EPSILON, true).singletonOrThrow().reshape(shape).mul(in.get(1)).add(in.get(2));
			});
			for (int i = 0; i < 4; i++) assertArrayEquals(previous[i], fused[i], 2e-6f * max(previous[i]));
		}
	}

	/** Output, and the gradients of input, gamma and beta ([C, 1, 1, 1]) under the weighting {@code w}. */
	private static float[][] valueAndGradients(final NDManager manager, final float[][] inputs,
		final Shape shape, final float[] w, final Function<NDList, NDArray> norm)
	{
		try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
			final Shape perChannel = new Shape(shape.get(1), 1, 1, 1);
			final NDList in = new NDList(manager.create(inputs[0], shape), manager.create(inputs[1], perChannel),
				manager.create(inputs[2], perChannel));
			for (final NDArray a : in) a.setRequiresGradient(true);
			final NDArray out = norm.apply(in);
			collector.backward(out.mul(manager.create(w, shape)).sum());
			return new float[][] { out.toFloatArray(), in.get(0).getGradient().toFloatArray(), in.get(1)
				.getGradient().toFloatArray(), in.get(2).getGradient().toFloatArray() };
		}
	}

	private static float max(final float[] values) {
		float m = 1;
		for (final float v : values) m = Math.max(m, Math.abs(v));
		return m;
	}

	@Test
	void groupsMustDivideChannels() {
		assertThrows(IllegalArgumentException.class, () -> new GroupNorm3d(6, 4));
	}
}
