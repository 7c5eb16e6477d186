package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * The PyTorch CPU library that the build bundles loads with DJL offline (as {@link DjlRuntime}
 * sets it up), so no machine needs a download at run time.
 */
class BundledPyTorchEngineTest {

	@Test
	void pytorchEngineRunsOfflineFromTheBundledNativeJar() {
		final Engine engine = DjlRuntime.engine();
		assertEquals("true", System.getProperty("ai.djl.offline"));
		assertEquals("PyTorch", engine.getEngineName());
		try (NDManager manager = engine.newBaseManager()) {
			final NDArray a = manager.create(new float[] { 1, 2, 3, 4 }, new Shape(2, 2));
			assertArrayEquals(new float[] { 7, 10, 15, 22 }, a.matMul(a).toFloatArray(), 0f);
		}
	}
}
