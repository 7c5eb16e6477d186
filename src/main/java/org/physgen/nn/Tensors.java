package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Tensor copies that keep PyTorch's memory safe. DJL's {@code manager.create(float[])} makes a tensor
 * over a direct buffer that only the Java array object keeps alive, and {@code NDArray.set} drops that
 * reference: a weight created that way and later overwritten with {@code set} reads freed memory once
 * the buffer is collected. Long-lived tensors are therefore copied into native memory, and values are
 * copied between tensors with native operations, never with {@code set}.
 */
public final class Tensors {

	private Tensors() {}

	/** A tensor in PyTorch's own memory holding {@code data}. */
	public static NDArray of(final NDManager manager, final float[] data, final Shape shape) {
		try (NDArray borrowed = manager.create(data, shape)) {
			return borrowed.duplicate();
		}
	}

	/**
	 * A scalar tensor in PyTorch's own memory, for arithmetic whose operand autograd keeps for the
	 * backward pass. DJL's {@code mul(Number)}, {@code div(Number)}, {@code maximum(Number)} (and
	 * {@code Activation.swish}, which multiplies by its β) wrap the number in a tensor over a direct
	 * buffer and close it at once: the backward pass then reads freed memory, which gave gradients
	 * scaled by whatever the memory held, and now and then NaN.
	 */
	public static NDArray scalar(final NDManager manager, final double value) {
		return manager.full(new Shape(), (float) value);
	}

	/** Overwrites {@code target} in place with the values of {@code source} (same shape). */
	public static void assign(final NDArray target, final NDArray source) {
		if (!target.getShape().equals(source.getShape())) {
			throw new IllegalArgumentException("cannot copy shape " + source.getShape() + " into " +
				target.getShape());
		}
		target.muli(0).addi(source);
	}
}
