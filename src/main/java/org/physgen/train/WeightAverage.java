package org.physgen.train;

import java.util.List;

import org.physgen.nn.Tensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Parameter;

/**
 * Exponential moving average of the network weights, used for sampling. The decay ramps up as
 * min(decay, (1 + n) / (10 + n)) so early averages are not dominated by the random initialisation.
 */
public final class WeightAverage implements AutoCloseable {

	private final List<Parameter> parameters;
	private final NDArray[] average;
	private final double decay;

	public WeightAverage(final List<Parameter> parameters, final double decay) {
		this.parameters = List.copyOf(parameters);
		this.decay = decay;
		average = new NDArray[parameters.size()];
		for (int i = 0; i < average.length; i++) {
			average[i] = parameters.get(i).getArray().duplicate();
		}
	}

	/** Folds in the current weights after update number {@code updates} (1-based). */
	public void update(final long updates) {
		final double d = Math.min(decay, (1.0 + updates) / (10.0 + updates));
		try (NDScope scope = new NDScope()) {
			for (int i = 0; i < average.length; i++) {
				average[i].muli(d).addi(parameters.get(i).getArray().mul(1 - d));
			}
		}
	}

	public NDList averages() {
		return new NDList(average);
	}

	public void restore(final NDList saved) {
		if (saved.size() != average.length) {
			throw new IllegalArgumentException("weight average holds " + saved.size() +
				" parameters, the network has " + average.length);
		}
		for (int i = 0; i < average.length; i++) Tensors.assign(average[i], saved.get(i));
	}

	/**
	 * Runs {@code action} with the averaged weights in the network, then puts the trained weights
	 * back.
	 */
	public <T> T withAveragedWeights(final java.util.function.Supplier<T> action) {
		final NDArray[] trained = new NDArray[average.length];
		for (int i = 0; i < average.length; i++) {
			final NDArray w = parameters.get(i).getArray();
			trained[i] = w.duplicate();
			Tensors.assign(w, average[i]);
		}
		try {
			return action.get();
		}
		finally {
			for (int i = 0; i < average.length; i++) {
				Tensors.assign(parameters.get(i).getArray(), trained[i]);
				trained[i].close();
			}
		}
	}

	@Override
	public void close() {
		for (final NDArray a : average) a.close();
	}
}
