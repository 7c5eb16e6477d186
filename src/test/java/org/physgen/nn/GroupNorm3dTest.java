package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
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

	@Test
	void groupsMustDivideChannels() {
		assertThrows(IllegalArgumentException.class, () -> new GroupNorm3d(6, 4));
	}
}
