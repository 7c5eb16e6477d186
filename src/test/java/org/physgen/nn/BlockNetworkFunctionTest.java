package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physgen.nn.NetworkTestSupport.SIZE;

import org.junit.jupiter.api.Test;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;

class BlockNetworkFunctionTest {

	private static final int VOXELS = SIZE * SIZE * SIZE;

	@Test
	void evaluateEqualsADirectForwardAndFreesItsArrays() {
		final NetworkConfig c = NetworkTestSupport.tiny(2, 3, 2, true, true);
		final NDManager manager = NetworkTestSupport.manager();
		final UNet3d net = UNet3d.create(c, manager, 9);
		NetworkTestSupport.perturbOutput(net, 10);
		final int batch = 2;
		final float[] x = NetworkTestSupport.random(batch * 2 * VOXELS, 11);
		final float[] noise = { 0.25f, 0.75f };
		final float[] cond = { 0.1f, 0.9f, 0.6f, 0.4f };
		final float[] expected;
		try (NDManager direct = manager.newSubManager()) {
			expected = NetworkTestSupport.forward(net, direct, x, batch, noise, cond).toFloatArray();
		}
		try (BlockNetworkFunction f = new BlockNetworkFunction(net, manager)) {
			assertEquals(2, f.inputChannels());
			assertEquals(3, f.outputChannels());
			assertEquals(2, f.conditionDim());
			final int arraysBefore = manager.getManagedArrays().size();
			final float[] out = new float[batch * 3 * VOXELS];
			f.evaluate(batch, SIZE, SIZE, SIZE, x, noise, cond, out);
			assertArrayEquals(expected, out, 1e-6f);
			f.evaluate(batch, SIZE, SIZE, SIZE, x, noise, cond, out);
			assertEquals(arraysBefore, manager.getManagedArrays().size(), "arrays left after calls");
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> f.evaluate(batch, SIZE, SIZE, SIZE, x, noise, null, out));
			assertTrue(e.getMessage().startsWith("condition"), e.getMessage());
		}
	}

	@Test
	void loadsFromParameterBytes() {
		final NetworkConfig c = NetworkTestSupport.tiny(1, 2, 0, false, false);
		final float[] x = NetworkTestSupport.random(VOXELS, 4);
		final float[] expected = new float[2 * VOXELS];
		final byte[] bytes;
		try (NDManager manager = NetworkTestSupport.manager()) {
			final UNet3d net = UNet3d.create(c, manager, 3);
			NetworkTestSupport.perturbOutput(net, 5);
			bytes = net.parameterBytes();
			try (BlockNetworkFunction f = new BlockNetworkFunction(net, manager.newSubManager())) {
				f.evaluate(1, SIZE, SIZE, SIZE, x, new float[] { 0.5f }, null, expected);
			}
		}
		try (BlockNetworkFunction f = BlockNetworkFunction.load(c, bytes, Device.cpu())) {
			assertEquals(Device.cpu(), f.device());
			final float[] out = new float[2 * VOXELS];
			f.evaluate(1, SIZE, SIZE, SIZE, x, new float[] { 0.5f }, null, out);
			assertArrayEquals(expected, out, 0f);
			assertTrue(UNet3dTest.maxAbs(out) > 1e-3);
		}
	}

	/**
	 * A command thread starts with libtorch's gradient recording on; an evaluation there must not
	 * record (it would keep every activation for a backward pass that never comes) and must give
	 * the same values.
	 */
	@Test
	void evaluationOnAThreadThatRecordsGradientsRecordsNothing() throws Exception {
		final NetworkConfig c = NetworkTestSupport.tiny(1, 2, 0, false, false);
		final float[] x = NetworkTestSupport.random(VOXELS, 4);
		try (NDManager manager = NetworkTestSupport.manager()) {
			final UNet3d net = UNet3d.create(c, manager, 3);
			try (BlockNetworkFunction f = new BlockNetworkFunction(net, manager.newSubManager())) {
				final float[] expected = new float[2 * VOXELS];
				f.evaluate(1, SIZE, SIZE, SIZE, x, new float[] { 0.5f }, null, expected);
				final float[] out = new float[2 * VOXELS];
				final boolean[] recording = new boolean[1];
				final Thread command = new Thread(() -> {
					ai.djl.pytorch.jni.JniUtils.setGradMode(true);
					f.evaluate(1, SIZE, SIZE, SIZE, x, new float[] { 0.5f }, null, out);
					recording[0] = ai.djl.pytorch.jni.JniUtils.isGradMode();
				});
				command.start();
				command.join();
				assertArrayEquals(expected, out, 0f);
				assertEquals(false, recording[0], "gradient recording left on");
			}
		}
	}
}
