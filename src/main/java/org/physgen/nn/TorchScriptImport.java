package org.physgen.nn;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.physgen.volume.FailureReasons;

import ai.djl.Device;

/**
 * Turns a TorchScript file exported from Python into a PhysGen model bundle: the user supplies what
 * the file cannot say (family, phases, voxel size, crop size, boundary, condition length, size
 * multiple, process settings); the file is test-loaded and run once on a tiny input whose output
 * shape must match before the bundle is written.
 */
public final class TorchScriptImport {

	/** Noise input of the test forward: mid-way for DSD, c_noise of σ = e² for PFGM++. */
	private static final float TEST_NOISE = 0.5f;

	private TorchScriptImport() {}

	/**
	 * Test-loads {@code torchScriptFile}, checks one forward pass, and writes the bundle.
	 *
	 * @param metadata description of the model; its weights format must be TorchScript
	 * @return the metadata as written
	 * @throws ModelFileException naming the TorchScript file when it cannot be loaded or its output has
	 *           the wrong shape; nothing is written then
	 */
	public static ModelMetadata importFile(final Path torchScriptFile, final ModelMetadata metadata,
		final Path bundleFile, final Device device) throws IOException
	{
		if (metadata.weightsFormat() != WeightsFormat.TORCHSCRIPT) {
			throw new IllegalArgumentException("imported models need weights_format torchscript, got " +
				metadata.weightsFormat().key());
		}
		final NetworkIo io = metadata.io();
		try (TorchScriptFunction function = TorchScriptFunction.load(torchScriptFile, io, device)) {
			testForward(function, torchScriptFile, io, metadata);
		}
		final byte[] bytes = Files.readAllBytes(torchScriptFile);
		ModelBundle.write(bundleFile, metadata, bytes, Map.of());
		return metadata;
	}

	private static void testForward(final TorchScriptFunction function, final Path file,
		final NetworkIo io, final ModelMetadata metadata) throws ModelFileException
	{
		final int size = Math.max(2, io.sizeMultiple());
		final int voxels = size * size * size;
		final float[] input = new float[voxels * io.inputChannels()];
		final float[] output = new float[voxels * io.outputChannels()];
		final float[] condition = io.conditionDim() > 0 ? new float[io.conditionDim()] : null;
		try {
			function.evaluate(1, size, size, size, input, new float[] { TEST_NOISE }, condition, output);
		}
		catch (final IllegalStateException e) {
			throw new ModelFileException(file, "does not fit a " + metadata.family().displayName() +
				" model with " + metadata.phases().phaseCount() + " phases (input_channels " + io.inputChannels() +
				", output_channels " + io.outputChannels() + ", condition_dim " + io.conditionDim() + "): " +
				FailureReasons.withFile(e), e);
		}
	}
}
