package org.physgen.train;

import java.util.List;

import org.physgen.nn.DjlRuntime;
import org.physgen.nn.Tensors;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Parameter;

/**
 * Adam with global-norm gradient clipping. Written over NDArrays rather than taken from DJL because
 * training must checkpoint and resume the moment estimates, which DJL's Adam keeps private.
 */
public final class AdamOptimizer implements AutoCloseable {

	private static final double BETA1 = 0.9;
	private static final double BETA2 = 0.999;
	private static final double EPSILON = 1e-8;
	private static final NDIndex ALL = new NDIndex("...");

	private final List<Parameter> parameters;
	private final NDArray[] first;
	private final NDArray[] second;
	private long updates;

	public AdamOptimizer(final List<Parameter> parameters, final NDManager manager) {
		this.parameters = List.copyOf(parameters);
		first = new NDArray[parameters.size()];
		second = new NDArray[parameters.size()];
		for (int i = 0; i < first.length; i++) {
			final NDArray w = parameters.get(i).getArray();
			first[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
			second[i] = manager.zeros(w.getShape(), w.getDataType(), w.getDevice());
		}
	}

	public long updates() {
		return updates;
	}

	/**
	 * Applies one update from the parameters' gradients, scaled down first so that their global norm
	 * is at most {@code clipNorm}. A step whose gradients are not finite changes nothing (as mixed-
	 * precision loss scaling does) and returns the non-finite norm; the caller decides when to give up.
	 *
	 * @return the global gradient norm before clipping
	 */
	public double step(final double learningRate, final double clipNorm) {
		try (NDScope scope = new NDScope()) {
			final double norm = globalNorm();
			if (!Double.isFinite(norm)) {
				clearGradients();
				return norm;
			}
			final double scale = norm > clipNorm ? clipNorm / norm : 1;
			updates++;
			final double correction = Math.sqrt(1 - Math.pow(BETA2, updates)) /
				(1 - Math.pow(BETA1, updates));
			// The updates change weights in place, which libtorch refuses while it records gradients,
			// and recording is on by default on every thread but the one that loaded the engine.
			DjlRuntime.recordNoGradientsOnThisThread();
			for (int i = 0; i < first.length; i++) {
				final NDArray w = parameters.get(i).getArray();
				final NDArray g = w.getGradient().mul(scale);
				first[i].muli(BETA1).addi(g.mul(1 - BETA1));
				second[i].muli(BETA2).addi(g.square().muli(1 - BETA2));
				w.subi(first[i].div(second[i].sqrt().addi(EPSILON)).muli(learningRate * correction));
			}
			clearGradients();
			return norm;
		}
	}

	/**
	 * The norm of all gradients together, summed in double precision per parameter after scaling by
	 * its largest magnitude, so that large but finite gradients are clipped rather than overflowing
	 * float32.
	 */
	private double globalNorm() {
		double squared = 0;
		for (final Parameter p : parameters) {
			final NDArray g = p.getArray().getGradient();
			final double largest = g.abs().max().getFloat();
			if (!Double.isFinite(largest)) return largest;
			if (largest == 0) continue;
			final double relative = g.div(largest).square().sum().getFloat();
			squared += largest * largest * relative;
		}
		return Math.sqrt(squared);
	}

	/**
	 * DJL's PyTorch gradient collector adds to the gradients, so each step starts by filling them
	 * with zeros (a fill, not a product with 0, which would keep an infinite or NaN entry).
	 */
	private void clearGradients() {
		for (final Parameter p : parameters) p.getArray().getGradient().set(ALL, 0);
	}

	/** Moment estimates, for a checkpoint (the update count goes into the checkpoint state). */
	public NDList moments() {
		final NDList list = new NDList();
		for (int i = 0; i < first.length; i++) {
			list.add(first[i]);
			list.add(second[i]);
		}
		return list;
	}

	/** Restores the state written by {@link #moments()} and the update count. */
	public void restore(final NDList moments, final long updateCount) {
		if (moments.size() != 2 * first.length) {
			throw new IllegalArgumentException("optimiser state holds " + moments.size() / 2 +
				" parameters, the network has " + first.length);
		}
		for (int i = 0; i < first.length; i++) {
			checkShape(moments.get(2 * i), first[i], i);
			checkShape(moments.get(2 * i + 1), second[i], i);
			Tensors.assign(first[i], moments.get(2 * i));
			Tensors.assign(second[i], moments.get(2 * i + 1));
		}
		updates = updateCount;
	}

	private static void checkShape(final NDArray saved, final NDArray current, final int index) {
		if (!saved.getShape().equals(current.getShape())) {
			throw new IllegalArgumentException("optimiser state of parameter " + index + " has shape " +
				saved.getShape() + ", the network has " + current.getShape());
		}
	}

	@Override
	public void close() {
		for (int i = 0; i < first.length; i++) {
			first[i].close();
			second[i].close();
		}
	}
}
