package org.physgen.train;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFileException;
import org.physgen.nn.ModelMetadata;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
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

	private TrainingCheckpoint() {}

	static List<Parameter> parameters(final Block network) {
		final List<Parameter> list = new ArrayList<>();
		for (final Pair<String, Parameter> p : network.getParameters()) list.add(p.getValue());
		return list;
	}

	static void write(final Path file, final ModelMetadata metadata, final Block network,
		final AdamOptimizer adam, final WeightAverage average, final LossHistory history)
		throws IOException
	{
		final byte[] averaged = average.withAveragedWeights(() -> save(network));
		final Map<String, byte[]> entries = new LinkedHashMap<>();
		entries.put(WEIGHTS, save(network));
		entries.put(MOMENTS, adam.moments().encode());
		entries.put(AVERAGE, average.averages().encode());
		entries.put(STATE, ("updates=" + adam.updates() + "\n").getBytes(StandardCharsets.US_ASCII));
		entries.put(LOSSES, history.csv());
		ModelBundle.write(file, metadata, averaged, entries);
	}

	/** Puts the checkpoint's state into a fresh network, optimiser and average. */
	static LossHistory restore(final ModelBundle bundle, final Block network, final AdamOptimizer adam,
		final WeightAverage average, final NDManager manager) throws IOException
	{
		final byte[] weights = bundle.entry(WEIGHTS);
		final byte[] moments = bundle.entry(MOMENTS);
		final byte[] averaged = bundle.entry(AVERAGE);
		final byte[] state = bundle.entry(STATE);
		if (weights == null || moments == null || averaged == null || state == null) {
			throw new ModelFileException(bundle.file() + " holds no training checkpoint, so it cannot " +
				"be resumed; train a new model or set resume to false");
		}
		load(network, weights, manager);
		final String text = new String(state, StandardCharsets.US_ASCII).trim();
		try (NDManager scratch = manager.newSubManager()) {
			adam.restore(NDList.decode(scratch, moments), Long.parseLong(text.substring(text.indexOf('=') + 1)));
			average.restore(NDList.decode(scratch, averaged));
		}
		return LossHistory.parse(bundle.entry(LOSSES));
	}

	static byte[] save(final Block network) {
		final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (DataOutputStream out = new DataOutputStream(bytes)) {
			network.saveParameters(out);
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
		return bytes.toByteArray();
	}

	static void load(final Block network, final byte[] weights, final NDManager manager)
		throws IOException
	{
		try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(weights))) {
			network.loadParameters(manager, in);
		}
		catch (final MalformedModelException e) {
			throw new IOException("the network weights do not fit the network: " + e.getMessage(), e);
		}
	}
}
