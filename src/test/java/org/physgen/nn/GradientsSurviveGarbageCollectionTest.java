package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.physgen.nn.NetworkTestSupport.SIZE;
import static org.physgen.nn.NetworkTestSupport.random;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

/**
 * The backward pass must not read memory that was freed after the forward pass. DJL's scalar
 * arithmetic wraps numbers in tensors over direct buffers and closes them at once; where autograd
 * keeps such an operand (SiLU's β, attention's 1/√C), a garbage collection between forward and
 * backward let the gradients read whatever reused that memory. Here the memory is reused on purpose
 * with NaN, and the gradients must not change.
 */
class GradientsSurviveGarbageCollectionTest {

	@Test
	void gradientsAreTheSameWhenFreedMemoryIsReusedBeforeTheBackwardPass() throws Exception {
		final float[] quiet = gradients(false);
		final float[] disturbed = gradients(true);
		assertArrayEquals(quiet, disturbed, 0f);
	}

	private static float[] gradients(final boolean disturb) throws Exception {
		final NetworkConfig config = new NetworkConfig(1, 2, 4, List.of(1, 2), 1, 2, 0, true, 1, true);
		try (NDManager manager = NetworkTestSupport.manager()) {
			final UNet3d net = UNet3d.create(config, manager, 21);
			NetworkTestSupport.perturbOutput(net, 22);
			final ParameterStore store = new ParameterStore(manager, false);
			try (NDManager step = manager.newSubManager();
				GradientCollector collector = Engine.getInstance().newGradientCollector())
			{
				final NDArray out = net.apply(store, step.create(random(2 * SIZE * SIZE * SIZE, 23), new Shape(
					2, 1, SIZE, SIZE, SIZE)), step.create(new float[] { 0.2f, 0.7f }), step.create(
						new float[] { 0.3f, 0.6f }, new Shape(2, 1)), true);
				if (disturb) reuseFreedMemory();
				collector.backward(out.square().mean());
			}
			final List<Float> all = new ArrayList<>();
			for (final Pair<String, Parameter> p : net.getParameters()) {
				for (final float g : p.getValue().getArray().getGradient().toFloatArray()) all.add(g);
			}
			final float[] flat = new float[all.size()];
			for (int i = 0; i < flat.length; i++) flat[i] = all.get(i);
			return flat;
		}
	}

	/** Lets the collector free unreachable direct buffers, then fills freshly allocated ones with NaN. */
	private static void reuseFreedMemory() throws InterruptedException {
		final List<ByteBuffer> keep = new ArrayList<>();
		for (int round = 0; round < 5; round++) {
			System.gc();
			Thread.sleep(50);
			for (int i = 0; i < 2000; i++) {
				final ByteBuffer b = ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder());
				b.putFloat(0, Float.NaN);
				keep.add(b);
			}
		}
	}
}
