package org.physgen;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.physgen.model.Family;
import org.physgen.model.GenerativeModel;
import org.physgen.nn.BlockNetworkFunction;
import org.physgen.nn.ComputeDevice;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.TorchScriptFunction;

import ai.djl.Device;

/**
 * Reads a bundle, checks it against its family, puts its network on the chosen device and lets the
 * family wrap it as a model.
 */
final class ModelLoader {

	private ModelLoader() {}

	static GenerativeModel load(final Path file, final String device, final int threads,
		final Consumer<String> log) throws IOException
	{
		final ComputeDevice choice = ComputeDevice.parse(device);
		final ModelBundle bundle = ModelBundle.read(file);
		DjlRuntime.start(threads, log);
		final Device target = choice.resolve(log);
		final ModelMetadata metadata = bundle.metadata();
		final Family family = Families.of(metadata.family());
		family.requireFits(metadata);
		return family.open(file, metadata, network(bundle, target));
	}

	private static NetworkFunction network(final ModelBundle bundle, final Device device)
		throws IOException
	{
		final ModelMetadata metadata = bundle.metadata();
		return switch (metadata.weightsFormat()) {
			case DJL -> BlockNetworkFunction.load(metadata.network(), bundle.weights(), device);
			case TORCHSCRIPT -> TorchScriptFunction.load(bundle, device);
		};
	}
}
