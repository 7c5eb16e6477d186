package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
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

	@Test
	void groupsMustDivideChannels() {
		assertThrows(IllegalArgumentException.class, () -> new GroupNorm3d(6, 4));
	}
}
