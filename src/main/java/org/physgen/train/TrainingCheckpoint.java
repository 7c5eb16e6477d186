package org.physgen.train;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFileException;
import org.physgen.nn.ModelMetadata;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import org.physgen.nn.UNet3d;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;

/**
 * The training state inside a model bundle, beside the averaged weights used for sampling: the
 * trained weights, Adam's moments and update count, the weight average and the loss history. Every
 * checkpoint is a complete, loadable model.
 */
final class TrainingCheckpoint {

	static final String WEIGHTS = "checkpoint/weights.params";
	static final String MOMENTS = "checkpoint/optimizer.ndlist";
	static final String AVERAGE = "checkpoint/average.ndlist";
	static final String STATE = "checkpoint/state.txt";
	static final String LOSSES = "loss.csv";
	static final String VALIDATION = "validation.csv";

	private TrainingCheckpoint() {}

	static List<Parameter> parameters(final Block network) {
		final List<Parameter> list = new ArrayList<>();
		for (final Pair<String, Parameter> p : network.getParameters()) list.add(p.getValue());
		return list;
	}

	static void write(final Path file, final ModelMetadata metadata, final UNet3d network,
		final AdamOptimizer adam, final WeightAverage average, final LossHistory history)
		throws IOException
	{
		final byte[] averaged = average.withAveragedWeights(network::parameterBytes);
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put(WEIGHTS, network.parameterBytes());
		entries.put(MOMENTS, adam.moments().encode());
		entries.put(AVERAGE, average.averages().encode());
		entries.put(STATE, ("updates=" + adam.updates() + "\n").getBytes(StandardCharsets.US_ASCII));
		entries.put(LOSSES, history.csv());
		if (history.validationSize() > 0) entries.put(VALIDATION, history.validationCsv());
		ModelBundle.write(file, metadata, averaged, entries);
	}

	/** Puts the checkpoint's optimiser state and weight average into fresh ones. */
	static LossHistory restore(final ModelBundle bundle, final AdamOptimizer adam,
		final WeightAverage average, final NDManager manager) throws IOException
	{
		final byte[] moments = require(bundle, MOMENTS);
		final byte[] averaged = require(bundle, AVERAGE);
		final byte[] state = require(bundle, STATE);
		final String text = new String(state, StandardCharsets.US_ASCII).trim();
		try (NDManager scratch = manager.newSubManager()) {
			adam.restore(NDList.decode(scratch, moments), Long.parseLong(text.substring(text.indexOf('=') + 1)));
			average.restore(NDList.decode(scratch, averaged));
		}
		final LossHistory history = LossHistory.parse(bundle.entry(LOSSES).orElse(null));
		history.parseValidation(bundle.entry(VALIDATION).orElse(null));
		return history;
	}

	/** An entry of the checkpoint, with a clear error when the bundle holds none. */
	static byte[] require(final ModelBundle bundle, final String entry) throws ModelFileException {
		return bundle.entry(entry).orElseThrow(() -> new ModelFileException(bundle.file(),
			"holds no training checkpoint (entry " + entry + " is missing), so it cannot be resumed; " +
			"train a new model or set resume to false"));
	}
}
