package org.physgen.nn;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;

/**
 * Base of the U-Net's blocks. Every parameter shape follows from the {@link NetworkConfig} when the
 * block is built, so initialisation needs no shape inference: children are initialised with the
 * parent's input shapes, which they do not use.
 */
abstract class ConfiguredBlock extends AbstractBlock {

	@Override
	protected void initializeChildBlocks(final NDManager manager, final DataType dataType,
		final Shape... inputShapes)
	{
		for (final Block child : children.values()) {
			child.initialize(manager, dataType, inputShapes);
		}
	}

	/** A learnable array of the given shape and type. */
	protected final Parameter parameter(final String name, final Parameter.Type type,
		final Shape shape)
	{
		return addParameter(Parameter.builder().setName(name).setType(type).optShape(shape).build());
	}

	/**
	 * x·sigmoid(x) as libtorch's one-pass SiLU (DJL's swish multiplies by a β operand that autograd
	 * reads after it is freed; sigmoid and a product write the full tensor twice).
	 */
	static NDArray silu(final NDArray x) {
		return LibtorchOps.SILU.apply(x);
	}

	static NDList single(final NDArray x) {
		return new NDList(x);
	}
}
