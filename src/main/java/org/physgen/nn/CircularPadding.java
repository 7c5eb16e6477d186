package org.physgen.nn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

/**
 * Pads each spatial axis of an NCDHW tensor by one voxel circularly (the opposite boundary slab),
 * with libtorch's own circular padding. DJL's engine offers only constant padding, so the operator
 * is reached through a one-line TorchScript module, written by {@link TorchScriptArchive} and loaded
 * once per device. Padding by slicing and concatenation gives the same values but costs, in the
 * backward pass, a zero-filled gradient of the whole tensor for every boundary slab: on the CPU that
 * made it the largest cost of a training step after the convolutions themselves.
 */
final class CircularPadding {

	private static final String BODY = "return torch.pad(x, [1, 1, 1, 1, 1, 1], \"circular\")";
	private static final Map<Device, Model> MODULES = new ConcurrentHashMap<>();

	private CircularPadding() {}

	/**
	 * @param x {@code [N, C, D, H, W]}
	 * @return {@code [N, C, D + 2, H + 2, W + 2]}, attached to the manager of {@code x}
	 */
	static NDArray pad(final NDArray x) {
		final Model module = MODULES.computeIfAbsent(x.getDevice(), CircularPadding::load);
		// Always in training mode: DJL runs a module in inference mode under libtorch's inference guard,
		// whose outputs autograd refuses to save, and the caller's own gradient mode governs anyway.
		return module.getBlock().forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
			.singletonOrThrow();
	}

	private static Model load(final Device device) {
		try {
			final Path file = Files.createTempFile("physgen-circular-padding-", ".pt");
			try {
				new TorchScriptArchive(List.of("x"), BODY).write(file);
				final Model model = Model.newInstance("circular-padding", device, DjlRuntime.ENGINE);
				model.load(file);
				return model;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException("circular padding module: " + e.getMessage(), e);
		}
		catch (final MalformedModelException e) {
			throw new IllegalStateException("libtorch could not load the circular padding module: " +
				e.getMessage(), e);
		}
	}
}
