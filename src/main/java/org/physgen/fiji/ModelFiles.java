package org.physgen.fiji;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.util.function.Consumer;

import org.physgen.PhysGenModels;
import org.physgen.model.GenerativeModel;
import org.physgen.nn.ComputeDevice;
import org.physgen.nn.DjlRuntime;
import org.physgen.volume.FailureReasons;

/** Opens the model bundle a command was given, with messages that name the parameter and the file. */
final class ModelFiles {

	private ModelFiles() {}

	/** @param log receives the device decision and the thread notes */
	static GenerativeModel load(final File modelFile, final String device, final int threads,
		final Consumer<String> log)
	{
		if (modelFile == null) {
			throw new IllegalArgumentException("model_file is required: give a .physgen model bundle");
		}
		if (!Files.isRegularFile(modelFile.toPath())) {
			throw new IllegalArgumentException("model_file '" + modelFile.getAbsolutePath() + "' does not exist"
				+ (modelFile.isDirectory() ? " as a file (it is a folder)" : ""));
		}
		if (threads < 0) throw new IllegalArgumentException("threads must be 0 (the idle cores) or more, got " + threads);
		// a bad device is refused here with its own message, so that any other refusal below is the file's
		ComputeDevice.parse(device);
		DjlRuntime.checkLibtorchSettings();
		try {
			return PhysGenModels.load(modelFile.toPath(), device, threads, log);
		}
		catch (final IOException | IllegalArgumentException e) {
			throw new IllegalArgumentException("model_file '" + modelFile.getAbsolutePath()
				+ "' could not be read: " + FailureReasons.of(e), e);
		}
	}
}
