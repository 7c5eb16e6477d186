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
 * A libtorch operator that DJL's engine does not offer (circular padding, fused group normalisation,
 * SiLU, nearest-neighbour upsampling in 3D), reached through a small TorchScript module
 * written by {@link TorchScriptArchive} and loaded once per device. Gradients flow through it like
 * through any engine operator.
 */
final class LibtorchFunction {

	private final String name;
	private final List<String> arguments;
	private final String[] body;
	private final Map<Device, Model> modules = new ConcurrentHashMap<>();

	/**
	 * @param name names the module in error messages
	 * @param arguments names of the tensor arguments
	 * @param body TorchScript statements over the arguments, the last one a {@code return}
	 */
	LibtorchFunction(final String name, final List<String> arguments, final String... body) {
		this.name = name;
		this.arguments = List.copyOf(arguments);
		this.body = body.clone();
	}

	/**
	 * @param inputs one tensor per argument, on one device
	 * @return the result, attached to the manager of the first input
	 */
	NDArray apply(final NDArray... inputs) {
		final NDArray first = inputs[0];
		final Model module = modules.computeIfAbsent(first.getDevice(), this::load);
		// Always in training mode: DJL runs a module in inference mode under libtorch's inference guard,
		// whose outputs autograd refuses to save, and the caller's own gradient mode governs anyway.
		return module.getBlock().forward(new ParameterStore(first.getManager(), false), new NDList(inputs),
			true).singletonOrThrow();
	}

	private Model load(final Device device) {
		try {
			final Path file = Files.createTempFile("physgen-" + name + "-", ".pt");
			try {
				new TorchScriptArchive(arguments, body).write(file);
				final Model model = Model.newInstance(name, device, DjlRuntime.ENGINE);
				model.load(file);
				return model;
			}
			finally {
				Files.deleteIfExists(file);
			}
		}
		catch (final IOException e) {
			throw new UncheckedIOException(name + " module: " + e.getMessage(), e);
		}
		catch (final MalformedModelException e) {
			throw new IllegalStateException("libtorch could not load the " + name + " module: " + e
				.getMessage(), e);
		}
	}
}
