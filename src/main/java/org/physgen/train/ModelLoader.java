package org.physgen.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;

import org.physgen.nn.BlockNetworkFunction;
import org.physgen.nn.ComputeDevice;
import org.physgen.nn.DjlRuntime;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.TorchScriptFunction;

import ai.djl.Device;

/** Reads a bundle, puts its network on the chosen device and wraps it as a model of its family. */
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
		final NetworkFunction network = network(bundle, target);
		return metadata.family() == ModelFamily.DSD ? new DsdModel(file, metadata, network)
			: new PfgmModel(file, metadata, network);
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
