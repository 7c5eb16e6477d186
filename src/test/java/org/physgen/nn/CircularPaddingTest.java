package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;

class CircularPaddingTest {

	private static final int N = 2, C = 3, D = 4, H = 3, W = 5;

	private static int wrap(final int i, final int n) {
		return Math.floorMod(i - 1, n);
	}

	/**
	 * Both forms: libtorch's circular padding while no gradients are recorded, the gathers inside a
	 * gradient collector.
	 */
	@Test
	void everyPaddedVoxelHoldsItsPeriodicImageAndGradientsReachItsSource() {
		DjlRuntime.start(1, line -> {});
		DjlRuntime.recordNoGradientsOnThisThread();
		final float[] values = new float[N * C * D * H * W];
		for (int i = 0; i < values.length; i++) values[i] = i;
		try (NDManager manager = NDManager.newBaseManager(Device.cpu(), DjlRuntime.ENGINE)) {
			assertFalse(CircularPadding.gathers());
			final float[] withoutGradients = CircularPadding.pad(manager.create(values, new Shape(N, C, D, H, W)))
				.toFloatArray();
			try (GradientCollector gradients = Engine.getInstance().newGradientCollector()) {
				assertTrue(CircularPadding.gathers());
				check(manager, values, gradients, withoutGradients);
			}
		}
	}

	private static void check(final NDManager manager, final float[] values, final GradientCollector gradients,
		final float[] withoutGradients)
	{
		final NDArray x = manager.create(values, new Shape(N, C, D, H, W));
		x.setRequiresGradient(true);
		final NDArray padded = CircularPadding.pad(x);
		assertEquals(new Shape(N, C, D + 2, H + 2, W + 2), padded.getShape());
		final float[] got = padded.toFloatArray();
		final float[] expected = new float[got.length];
		final int[] uses = new int[values.length];
		int o = 0;
		for (int n = 0; n < N; n++) {
			for (int c = 0; c < C; c++) {
				for (int z = 0; z < D + 2; z++) {
					for (int y = 0; y < H + 2; y++) {
						for (int xx = 0; xx < W + 2; xx++) {
							final int source = (((n * C + c) * D + wrap(z, D)) * H + wrap(y, H)) * W + wrap(xx, W);
							expected[o++] = values[source];
							uses[source]++;
						}
					}
				}
			}
		}
		assertArrayEquals(expected, got);
		assertArrayEquals(expected, withoutGradients);
		gradients.backward(padded.sum());
		final float[] gradient = x.getGradient().toFloatArray();
		for (int i = 0; i < uses.length; i++) {
			assertEquals(uses[i], gradient[i], "gradient of voxel " + i + ": one per padded copy");
		}
	}
}
