package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The PyTorch CPU library that the build bundles loads with DJL offline, so no machine needs a
 * download at run time.
 */
class BundledPyTorchEngineTest {

	@Test
	void pytorchEngineRunsOfflineFromTheBundledNativeJar() {
		System.setProperty("ai.djl.offline", "true");
		System.setProperty("OPT_OUT_TRACKING", "true");
		System.setProperty("ai.djl.pytorch.num_threads", "1");
		System.setProperty("ai.djl.pytorch.num_interop_threads", "1");
		final Engine engine = Engine.getEngine("PyTorch");
		assertEquals("PyTorch", engine.getEngineName());
		try (NDManager manager = engine.newBaseManager()) {
			final NDArray a = manager.create(new float[] { 1, 2, 3, 4 }, new ai.djl.ndarray.types.Shape(2, 2));
			assertArrayEquals(new float[] { 7, 10, 15, 22 }, a.matMul(a).toFloatArray(), 0f);
		}
	}
}
