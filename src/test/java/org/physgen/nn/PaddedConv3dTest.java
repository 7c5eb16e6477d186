package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.convolutional.Conv3d;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;

/**
 * The convolution against libtorch's float64 convolution (a separate code path), values with and
 * without autograd and both gradients, for channel counts of the U-Net (24 inputs where a decoder
 * block concatenates a skip connection, 8 and 6 outputs) and others that end in a partial channel
 * block of libtorch's float32 CPU convolution, which goes wrong there unless the channels are widened
 * ({@link ConvolutionChannels}).
 */
class PaddedConv3dTest {

	private static final int N = 2, SIZE = 8;

	@Test
	void valuesAndGradientsMatchDoublePrecision() {
		DjlRuntime.start(0, line -> {});
		DjlRuntime.recordNoGradientsOnThisThread();
		check(8, 8, 3, true);
		check(24, 8, 3, true);
		check(24, 8, 3, false);
		check(24, 16, 1, true);
		check(20, 16, 3, true);
		check(40, 16, 3, true);
		check(16, 6, 3, true);
	}

	private static void check(final int in, final int out, final int kernel, final boolean periodic) {
		final Shape shape = new Shape(N, in, SIZE, SIZE, SIZE);
		try (NDManager manager = NetworkTestSupport.manager()) {
			final PaddedConv3d conv = new PaddedConv3d(in, out, kernel, periodic);
			conv.initialize(manager, DataType.FLOAT32, shape);
			final NDArray w = conv.getParameters().get("weight").getArray();
			final NDArray b = conv.getParameters().get("bias").getArray();
			w.set(NetworkTestSupport.random((int) w.size(), 11));
			b.set(NetworkTestSupport.random(out, 12));
			w.setRequiresGradient(true);
			final NDArray x = manager.create(NetworkTestSupport.random((int) shape.size(), 13), shape);
			final NDArray r = manager.create(NetworkTestSupport.random(N * out * SIZE * SIZE * SIZE, 14),
				new Shape(N, out, SIZE, SIZE, SIZE));

			final NDArray xd = x.toType(DataType.FLOAT64, true);
			final NDArray wd = w.toType(DataType.FLOAT64, true);
			xd.setRequiresGradient(true);
			wd.setRequiresGradient(true);
			final NDArray expected;
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				final int pad = kernel / 2;
				final NDArray input = pad > 0 && periodic ? CircularPadding.pad(xd) : xd;
				final int border = pad > 0 && periodic ? 0 : pad;
				expected = Conv3d.conv3d(input, wd, b.toType(DataType.FLOAT64, true), new Shape(1, 1, 1),
					new Shape(border, border, border)).singletonOrThrow();
				collector.backward(expected.mul(r.toType(DataType.FLOAT64, true)).sum());
			}

			final NDArray xf = x.duplicate();
			xf.setRequiresGradient(true);
			final NDArray actual;
			try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
				actual = conv.apply(new ParameterStore(manager, false), xf, true);
				collector.backward(actual.mul(r).sum());
			}
			final NDArray inference = conv.apply(new ParameterStore(manager, false), x, false);

			final String what = in + " to " + out + " channels, kernel " + kernel + (periodic ? ", periodic: " : ": ");
			assertClose(what + "values", expected, actual, 1e-4);
			assertClose(what + "values without gradients", expected, inference, 1e-4);
			assertClose(what + "input gradient", xd.getGradient(), xf.getGradient(), 1e-4);
			assertClose(what + "weight gradient", wd.getGradient(), w.getGradient(), 1e-3);
		}
	}

	private static void assertClose(final String what, final NDArray expected, final NDArray actual,
		final double relative)
	{
		final double scale = expected.abs().max().toType(DataType.FLOAT64, false).getDouble();
		final double error = actual.toType(DataType.FLOAT64, false).sub(expected).abs().max().getDouble();
		assertEquals(0, error / scale, relative, what + ": largest error " + error + " against largest value " + scale);
	}
}
