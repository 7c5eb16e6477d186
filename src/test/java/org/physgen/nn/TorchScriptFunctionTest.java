package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import ai.djl.Device;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TorchScriptFunctionTest {

	static {
		DjlRuntime.start(1, line -> {});
	}

	/** out = x repeated 6 times along channels, times t, plus 0.5: a DSD-shaped module for one channel. */
	static TorchScriptArchive dsdFixture() {
		return new TorchScriptArchive(List.of("x", "t"),
			"_0 = torch.repeat(x, [1, 6, 1, 1, 1])",
			"_1 = torch.mul(_0, torch.view(t, [-1, 1, 1, 1, 1]))",
			"return torch.add(_1, 0.5)");
	}

	@TempDir
	Path dir;

	@Test
	void parameterFreeModuleComputesExactValues() throws IOException {
		final Path file = dir.resolve("dsd.pt");
		dsdFixture().write(file);
		final float[] x = { 0, 1, 2, 3 };
		final float[] t = { 0.5f, 2 };
		final float[] out = new float[2 * 6 * 2];
		try (TorchScriptFunction f = TorchScriptFunction.load(file, new NetworkIo(1, 6, 0, 1), Device.cpu())) {
			assertEquals(1, f.inputChannels());
			assertEquals(6, f.outputChannels());
			assertEquals(0, f.conditionDim());
			f.evaluate(2, 2, 1, 1, x, t, null, out);
		}
		final float[] expected = new float[out.length];
		for (int n = 0; n < 2; n++) {
			for (int c = 0; c < 6; c++) {
				for (int v = 0; v < 2; v++) expected[(n * 6 + c) * 2 + v] = x[n * 2 + v] * t[n] + 0.5f;
			}
		}
		assertArrayEquals(expected, out);
		assertEquals(4.5f, out[12]);
		assertEquals(6.5f, out[13]);
	}

	@Test
	void floatParameterIsLoaded() throws IOException {
		final byte[] bytes = new TorchScriptArchive(List.of("x", "t"),
			"_0 = torch.repeat(x, [1, 6, 1, 1, 1])",
			"_1 = torch.mul(_0, torch.view(t, [-1, 1, 1, 1, 1]))",
			"return torch.add(_1, torch.view(self.bias, [1, 6, 1, 1, 1]))")
			.parameter("bias", 0.5f, 1, 2, 3, 4, 5.25f).bytes();
		final float[] x = { 1, -2, 3, 4, 5, 6, 7, 8 };
		final float[] out = new float[6 * 8];
		try (TorchScriptFunction f = TorchScriptFunction.load(bytes, dir.resolve("bias.pt"),
			new NetworkIo(1, 6, 0, 2), Device.cpu()))
		{
			f.evaluate(1, 2, 2, 2, x, new float[] { 0.25f }, null, out);
		}
		final float[] bias = { 0.5f, 1, 2, 3, 4, 5.25f };
		for (int c = 0; c < 6; c++) {
			for (int v = 0; v < 8; v++) assertEquals(x[v] * 0.25f + bias[c], out[c * 8 + v], "channel " + c);
		}
	}

	@Test
	void axesFollowNcdhwWithXFastest() throws IOException {
		final Path file = dir.resolve("flip.pt");
		new TorchScriptArchive(List.of("x", "t"), "return torch.flip(x, [2, 4])").write(file);
		final int sx = 3, sy = 2, sz = 2, channels = 2;
		final float[] x = new float[channels * sz * sy * sx];
		for (int i = 0; i < x.length; i++) x[i] = i;
		final float[] out = new float[x.length];
		try (TorchScriptFunction f = TorchScriptFunction.load(file, new NetworkIo(channels, channels, 0, 1),
			Device.cpu()))
		{
			f.evaluate(1, sx, sy, sz, x, new float[1], null, out);
		}
		for (int c = 0; c < channels; c++) {
			for (int z = 0; z < sz; z++) {
				for (int y = 0; y < sy; y++) {
					for (int i = 0; i < sx; i++) {
						final int flipped = ((c * sz + sz - 1 - z) * sy + y) * sx + sx - 1 - i;
						assertEquals(x[flipped], out[((c * sz + z) * sy + y) * sx + i]);
					}
				}
			}
		}
	}

	@Test
	void conditionIsPassedAsThirdArgument() throws IOException {
		final Path file = dir.resolve("cond.pt");
		new TorchScriptArchive(List.of("x", "t", "c"),
			"_0 = torch.mul(x, torch.view(t, [-1, 1, 1, 1, 1]))",
			"return torch.add(_0, torch.view(torch.sum(c, [1]), [-1, 1, 1, 1, 1]))").write(file);
		final float[] x = { 1, 2, 3, 4 };
		final float[] out = new float[4];
		try (TorchScriptFunction f = TorchScriptFunction.load(file, new NetworkIo(1, 1, 2, 1), Device.cpu())) {
			f.evaluate(2, 1, 2, 1, x, new float[] { 2, 3 }, new float[] { 0.25f, 0.5f, 10, 20 }, out);
		}
		assertArrayEquals(new float[] { 2.75f, 4.75f, 39, 42 }, out);
	}

	@Test
	void wrongOutputShapeIsReported() throws IOException {
		final Path file = dir.resolve("identity.pt");
		new TorchScriptArchive(List.of("x", "t"), "return x").write(file);
		try (TorchScriptFunction f = TorchScriptFunction.load(file, new NetworkIo(1, 6, 0, 1), Device.cpu())) {
			final IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> f.evaluate(1, 2, 1, 1, new float[2], new float[1], null, new float[12]));
			assertEquals("TorchScript model identity.pt returned shape (1, 1, 1, 1, 2) for input " +
				"[(1, 1, 1, 1, 2), (1)], expected (1, 6, 1, 1, 2) [N, output_channels, D, H, W]", e.getMessage());
		}
	}

	@Test
	void failingForwardIsReportedWithTheModuleName() throws IOException {
		final Path file = dir.resolve("needs_cond.pt");
		new TorchScriptArchive(List.of("x", "t", "c"), "return torch.add(x, c)").write(file);
		try (TorchScriptFunction f = TorchScriptFunction.load(file, new NetworkIo(1, 1, 0, 1), Device.cpu())) {
			final IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> f.evaluate(1, 1, 1, 1, new float[1], new float[1], null, new float[1]));
			assertTrue(e.getMessage().startsWith("TorchScript model needs_cond.pt failed on input [(1, 1, 1, 1, 1), " +
				"(1)]: "), e.getMessage());
			assertTrue(e.getMessage().endsWith("forward() is missing value for argument 'c'. Declaration: " +
				"forward(__torch__.Fixture self, Tensor x, Tensor t, Tensor c) -> Tensor"), e.getMessage());
		}
		final Path bad = dir.resolve("bad_view.pt");
		new TorchScriptArchive(List.of("x", "t"), "return torch.add(x, torch.view(t, [2, 3]))").write(bad);
		try (TorchScriptFunction f = TorchScriptFunction.load(bad, new NetworkIo(1, 1, 0, 1), Device.cpu())) {
			final IllegalStateException e = assertThrows(IllegalStateException.class,
				() -> f.evaluate(1, 1, 1, 1, new float[1], new float[1], null, new float[1]));
			assertEquals("TorchScript model bad_view.pt failed on input [(1, 1, 1, 1, 1), (1)]: RuntimeError: " +
				"shape '[2, 3]' is invalid for input of size 1", e.getMessage());
		}
	}

	@Test
	void argumentLengthsAreChecked() throws IOException {
		final Path file = dir.resolve("dsd.pt");
		dsdFixture().write(file);
		try (TorchScriptFunction f = TorchScriptFunction.load(file, new NetworkIo(1, 6, 0, 2), Device.cpu())) {
			final IllegalArgumentException size = assertThrows(IllegalArgumentException.class,
				() -> f.evaluate(1, 3, 2, 2, new float[12], new float[1], null, new float[72]));
			assertEquals("size 3 x 2 x 2 must be positive multiples of 2 for dsd.pt", size.getMessage());
			final IllegalArgumentException input = assertThrows(IllegalArgumentException.class,
				() -> f.evaluate(1, 2, 2, 2, new float[7], new float[1], null, new float[48]));
			assertEquals("input must have length 8, got 7", input.getMessage());
		}
	}

	@Test
	void fileThatIsNotTorchScriptIsNamed() throws IOException {
		final Path file = dir.resolve("notes.pt");
		Files.writeString(file, "not a model");
		final ModelFileException e = assertThrows(ModelFileException.class,
			() -> TorchScriptFunction.load(file, new NetworkIo(1, 6, 0, 1), Device.cpu()));
		assertTrue(e.getMessage().startsWith(file + ": cannot load as a TorchScript module: PytorchStreamReader"), e.getMessage());
		assertTrue(e.getMessage().contains("not a ZIP archive. Export the model with torch.jit.save"), e.getMessage());
		final Path missing = dir.resolve("absent.pt");
		final ModelFileException m = assertThrows(ModelFileException.class,
			() -> TorchScriptFunction.load(missing, new NetworkIo(1, 6, 0, 1), Device.cpu()));
		assertEquals(missing + ": TorchScript file not found", m.getMessage());
	}
}
