package org.physgen.nn;

import java.util.List;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Pads each spatial axis of an NCDHW tensor by one voxel circularly (the opposite boundary slab).
 * DJL's engine offers only constant padding, so both forms are libtorch operators reached through
 * a {@link LibtorchFunction}:
 * <ul>
 * <li>without gradients (generation), libtorch's circular padding, one copy of the tensor;</li>
 * <li>while autograd records on this thread (training), three gathers along the axes, whose
 * backward pass is one scatter-add per axis. The backward of libtorch's circular padding (and of
 * padding by slicing and concatenation) zero-fills a gradient of the whole tensor for every
 * boundary slab, about ten per call: on the CPU the gathers made the padding's forward and backward
 * 1.8× faster, and its forward alone 4–5× slower (benchmarks/RESULTS.md).</li>
 * </ul>
 * Both give the same values.
 */
final class CircularPadding {

	private static final LibtorchFunction PAD = new LibtorchFunction("circular-padding", List.of("x"),
		"return torch.pad(x, [1, 1, 1, 1, 1, 1], \"circular\")");
	private static final LibtorchFunction GATHER = new LibtorchFunction("circular-gather", List.of("x"),
		"d = x.size(2)", "h = x.size(3)", "w = x.size(4)",
		"iz = torch.remainder(torch.arange(-1, d + 1, device=x.device), d)",
		"iy = torch.remainder(torch.arange(-1, h + 1, device=x.device), h)",
		"ix = torch.remainder(torch.arange(-1, w + 1, device=x.device), w)",
		"return torch.index_select(torch.index_select(torch.index_select(x, 4, ix), 3, iy), 2, iz)");

	private CircularPadding() {}

	/**
	 * @param x {@code [N, C, D, H, W]}
	 * @return {@code [N, C, D + 2, H + 2, W + 2]}, attached to the manager of {@code x}
	 */
	static NDArray pad(final NDArray x) {
		return (gathers() ? GATHER : PAD).apply(x);
	}

	/**
	 * Whether {@link #pad} gathers: while libtorch records gradients on this thread (DJL's own
	 * {@code hasGradient} is false for every tensor but a leaf, so it cannot tell).
	 */
	static boolean gathers() {
		return JniUtils.isGradMode();
	}
}
