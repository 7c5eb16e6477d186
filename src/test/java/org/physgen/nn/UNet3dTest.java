package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physgen.nn.NetworkTestSupport.SIZE;
import static org.physgen.nn.NetworkTestSupport.forward;
import static org.physgen.nn.NetworkTestSupport.perturbOutput;
import static org.physgen.nn.NetworkTestSupport.random;
import static org.physgen.nn.NetworkTestSupport.tiny;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;

class UNet3dTest {

	private static final int VOXELS = SIZE * SIZE * SIZE;

	private NDManager manager;

	@BeforeEach
	void open() {
		manager = NetworkTestSupport.manager();
	}

	@AfterEach
	void close() {
		manager.close();
	}

	@Test
	void outputHasTheConfiguredShapeWithAndWithoutConditionAndAttention() {
		final NetworkConfig[] configs = { tiny(1, 6, 0, false, true), tiny(3, 3, 2, true, false),
			tiny(3, 6, 0, true, true), tiny(1, 1, 3, false, false) };
		for (final NetworkConfig c : configs) {
			final UNet3d net = UNet3d.create(c, manager, 1);
			final int batch = 2;
			final NDList in = new NDList(manager.create(random(batch * c.inputChannels() * VOXELS,
				2), new Shape(batch, c.inputChannels(), SIZE, SIZE, SIZE)), manager.create(
					new float[] { 0.1f, 0.9f }));
			if (c.conditionDim() > 0) in.add(manager.ones(new Shape(batch, c.conditionDim())));
			final NDArray out = net.forward(new ParameterStore(manager, false), in, false)
				.singletonOrThrow();
			assertEquals(new Shape(batch, c.outputChannels(), SIZE, SIZE, SIZE), out.getShape(), c
				.toString());
		}
	}

	@Test
	void freshNetworkOutputsZeroAndAPerturbedOutputConvDoesNot() {
		final NetworkConfig c = tiny(3, 6, 2, true, true);
		final UNet3d net = UNet3d.create(c, manager, 5);
		final float[] x = random(3 * VOXELS, 6);
		final float[] cond = { 0.3f, 0.7f };
		final float[] out = forward(net, manager, x, 1, new float[] { 0.5f }, cond).toFloatArray();
		assertArrayEquals(new float[out.length], out, 0f);
		perturbOutput(net, 7);
		final float[] perturbed = forward(net, manager, x, 1, new float[] { 0.5f }, cond)
			.toFloatArray();
		assertTrue(maxAbs(perturbed) > 1e-3, "output after perturbing the output conv");
	}

	@Test
	void outputDependsOnNoiseAndCondition() {
		final UNet3d net = UNet3d.create(tiny(1, 2, 2, false, true), manager, 3);
		perturbOutput(net, 4);
		final float[] x = random(VOXELS, 5);
		final float[] a = forward(net, manager, x, 1, new float[] { 0.2f }, new float[] { 0.5f,
			0.5f }).toFloatArray();
		final float[] b = forward(net, manager, x, 1, new float[] { 0.8f }, new float[] { 0.5f,
			0.5f }).toFloatArray();
		final float[] d = forward(net, manager, x, 1, new float[] { 0.2f }, new float[] { 0.1f,
			0.9f }).toFloatArray();
		assertTrue(maxAbsDiff(a, b) > 1e-4, "noise changes the output");
		assertTrue(maxAbsDiff(a, d) > 1e-4, "condition changes the output");
	}

	@Test
	void periodicNetworkIsTranslationEquivariantAndZeroPaddedIsNot() {
		for (final boolean periodic : new boolean[] { true, false }) {
			final NetworkConfig c = tiny(2, 3, 0, true, periodic);
			final UNet3d net = UNet3d.create(c, manager, 11);
			perturbOutput(net, 12);
			final float[] x = random(2 * VOXELS, 13);
			final int shift = c.sizeMultiple();
			final float[] noise = { 0.4f };
			final float[] rolledThenNet = forward(net, manager, roll(x, 2, shift), 1, noise, null)
				.toFloatArray();
			final float[] netThenRolled = roll(forward(net, manager, x, 1, noise, null)
				.toFloatArray(), 3, shift);
			final double diff = maxAbsDiff(rolledThenNet, netThenRolled);
			if (periodic) assertTrue(diff < 1e-4, "periodic network commutes with rolls: " + diff);
			else assertTrue(diff > 1e-3, "zero-padded network sees the boundary: " + diff);
		}
	}

	@Test
	void sameSeedGivesSameParametersAndAnotherSeedDoesNot() {
		final NetworkConfig c = tiny(1, 2, 1, true, true);
		final UNet3d a = UNet3d.create(c, manager, 42);
		final UNet3d b = UNet3d.create(c, manager, 42);
		final UNet3d other = UNet3d.create(c, manager, 43);
		boolean anyDifferent = false;
		final List<String> names = a.getParameters().keys();
		final List<Parameter> pa = a.getParameters().values();
		final List<Parameter> pb = b.getParameters().values();
		final List<Parameter> po = other.getParameters().values();
		assertEquals(pa.size(), pb.size());
		for (int i = 0; i < pa.size(); i++) {
			final float[] va = pa.get(i).getArray().toFloatArray();
			assertArrayEquals(va, pb.get(i).getArray().toFloatArray(), 0f, names.get(i));
			anyDifferent |= maxAbsDiff(va, po.get(i).getArray().toFloatArray()) > 0;
		}
		assertTrue(anyDifferent, "seed 43 differs from seed 42");
	}

	@Test
	void savedParametersLoadIntoAnIdenticalNetwork() {
		final NetworkConfig c = tiny(3, 6, 2, true, true);
		final UNet3d net = UNet3d.create(c, manager, 21);
		perturbOutput(net, 22);
		final byte[] bytes = net.parameterBytes();
		final UNet3d loaded = UNet3d.load(c, manager, bytes);
		assertEquals(net.parameterCount(), loaded.parameterCount());
		final float[] x = random(3 * VOXELS, 23);
		final float[] cond = { 0.2f, 0.8f };
		final float[] expected = forward(net, manager, x, 1, new float[] { 0.3f }, cond)
			.toFloatArray();
		assertTrue(maxAbs(expected) > 1e-3);
		assertArrayEquals(expected, forward(loaded, manager, x, 1, new float[] { 0.3f }, cond)
			.toFloatArray(), 0f);
	}

	@Test
	void loadingWeightsOfAnotherConfigurationIsRefused() {
		final byte[] bytes = UNet3d.create(tiny(1, 2, 0, false, true), manager, 1).parameterBytes();
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
			() -> UNet3d.load(tiny(1, 3, 0, false, true), manager, bytes));
		assertTrue(e.getMessage().contains("network weight"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> UNet3d.load(tiny(1, 2, 0, true, true),
			manager, bytes));
	}

	@Test
	void gradientsReachEveryParameter() {
		final NetworkConfig c = tiny(2, 3, 2, true, true);
		final UNet3d net = UNet3d.create(c, manager, 31);
		perturbOutput(net, 32);
		final float[] x = random(2 * 2 * VOXELS, 33);
		try (GradientCollector collector = DjlRuntime.engine().newGradientCollector()) {
			final NDArray out = net.apply(new ParameterStore(manager, false), manager.create(x,
				new Shape(2, 2, SIZE, SIZE, SIZE)), manager.create(new float[] { 0.1f, 0.6f }),
				manager.create(new float[] { 0.1f, 0.9f, 0.5f, 0.5f }, new Shape(2, 2)), true);
			collector.backward(out.square().mean());
		}
		for (final Pair<String, Parameter> p : net.getParameters()) {
			final float[] grad = p.getValue().getArray().getGradient().toFloatArray();
			assertTrue(maxAbs(grad) > 0, "gradient of " + p.getKey());
		}
	}

	@Test
	void dropoutActsInTrainingOnly() {
		final NetworkConfig c = tiny(1, 2, 0, false, true).withDropout(0.5);
		final UNet3d net = UNet3d.create(c, manager, 41);
		perturbOutput(net, 42);
		final ParameterStore store = new ParameterStore(manager, false);
		final NDArray x = manager.create(random(VOXELS, 43), new Shape(1, 1, SIZE, SIZE, SIZE));
		final NDArray noise = manager.create(new float[] { 0.5f });
		final float[] inference = net.apply(store, x, noise, null, false).toFloatArray();
		assertArrayEquals(inference, net.apply(store, x, noise, null, false).toFloatArray(), 0f);
		final float[] train1 = net.apply(store, x, noise, null, true).toFloatArray();
		final float[] train2 = net.apply(store, x, noise, null, true).toFloatArray();
		assertTrue(maxAbsDiff(train1, train2) > 1e-4, "two dropout masks");
	}

	@Test
	void forwardFreesEachStagesIntermediateArrays() {
		final UNet3d net = UNet3d.create(tiny(1, 2, 0, true, true), manager, 51);
		try (NDManager call = manager.newSubManager()) {
			net.apply(new ParameterStore(call, false), call.create(random(VOXELS, 52), new Shape(1,
				1, SIZE, SIZE, SIZE)), call.create(new float[] { 0.5f }), null, false);
			// skips, embedding arrays and stage outputs; without freeing, several hundred remain
			final int left = call.getManagedArrays().size();
			assertTrue(left >= 4 && left < 40, left + " arrays left");
		}
	}

	@Test
	void inputsOfTheWrongShapeAreRefused() {
		final UNet3d net = UNet3d.create(tiny(1, 2, 0, false, true), manager, 1);
		final ParameterStore store = new ParameterStore(manager, false);
		final IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> net
			.apply(store, manager.zeros(new Shape(1, 1, 6, 7, 8)), manager.zeros(new Shape(1)), null,
				false));
		assertTrue(e.getMessage().contains("multiple of 2"), e.getMessage());
		assertThrows(IllegalArgumentException.class, () -> net.apply(store, manager.zeros(
			new Shape(1, 2, 8, 8, 8)), manager.zeros(new Shape(1)), null, false));
	}

	/** Rolls a [1, channels, S, S, S] array by {@code shift} voxels along all three axes. */
	static float[] roll(final float[] a, final int channels, final int shift) {
		final float[] r = new float[a.length];
		for (int ch = 0; ch < channels; ch++) {
			for (int z = 0; z < SIZE; z++) {
				for (int y = 0; y < SIZE; y++) {
					for (int x = 0; x < SIZE; x++) {
						final int to = ((ch * SIZE + (z + shift) % SIZE) * SIZE + (y + shift) % SIZE) *
							SIZE + (x + shift) % SIZE;
						r[to] = a[((ch * SIZE + z) * SIZE + y) * SIZE + x];
					}
				}
			}
		}
		return r;
	}

	static double maxAbs(final float[] a) {
		double m = 0;
		for (final float v : a) m = Math.max(m, Math.abs(v));
		return m;
	}

	static double maxAbsDiff(final float[] a, final float[] b) {
		assertEquals(a.length, b.length);
		double m = 0;
		for (int i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
		return m;
	}

	@Test
	void rollMovesEveryVoxel() {
		final float[] a = random(VOXELS, 1);
		assertFalse(maxAbsDiff(a, roll(a, 1, 2)) == 0);
		float[] back = a;
		for (int i = 0; i < SIZE / 2; i++) back = roll(back, 1, 2);
		assertArrayEquals(a, back, 0f);
	}
}
