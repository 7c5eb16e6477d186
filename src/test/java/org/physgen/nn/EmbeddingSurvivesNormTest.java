package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.physgen.nn.NetworkTestSupport.SIZE;
import static org.physgen.nn.NetworkTestSupport.random;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import ai.djl.training.initializer.Initializer;

/**
 * The time/condition embedding must reach every residual block's output whatever the width and
 * group count (SPEC §7): added before a GroupNorm with one channel per group it is subtracted
 * exactly, and a DSD network of width 8 then ignored the noise level at full resolution.
 */
class EmbeddingSurvivesNormTest {

	private static final int EMBEDDING = 16;

	private NDManager manager;

	@BeforeEach
	void open() {
		manager = NetworkTestSupport.manager();
	}

	@AfterEach
	void close() {
		manager.close();
	}

	@Test
	void everyBlockOutputDependsOnTheEmbeddingAtEveryWidthAndGroupCount() {
		for (final int width : new int[] { 4, 8, 16, 32 }) {
			for (final int groups : new int[] { 1, Math.min(8, width), width }) {
				final double change = embeddingEffect(width, groups, true);
				assertTrue(change > 1e-2, "width " + width + ", " + groups + " groups: a block's output " +
					"moved by only " + change + " when the embedding changed");
			}
		}
	}

	@Test
	void anEmbeddingAddedBeforeANormWithOneChannelPerGroupIsErased() {
		assertTrue(embeddingEffect(8, 8, false) < 1e-5, "the legacy block erases its embedding");
		assertTrue(embeddingEffect(8, 4, false) > 1e-2, "with two channels per group it survives");
	}

	/** Largest change of a residual block's output between two embeddings. */
	private double embeddingEffect(final int width, final int groups, final boolean adaptive) {
		final NetworkConfig config = new NetworkConfig(1, 1, width, List.of(1), 1, groups, 0, false, 0,
			true, adaptive);
		final ResidualBlock3d block = new ResidualBlock3d(width, width, EMBEDDING, config);
		block.setInitializer(new SeededInitializer(3), Parameter.Type.WEIGHT);
		block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
		block.setInitializer(Initializer.ONES, Parameter.Type.GAMMA);
		block.setInitializer(Initializer.ZEROS, Parameter.Type.BETA);
		final Shape shape = new Shape(1, width, SIZE, SIZE, SIZE);
		block.initialize(manager, DataType.FLOAT32, shape, new Shape(1, EMBEDDING));
		final ParameterStore store = new ParameterStore(manager, false);
		final NDArray x = manager.create(random((int) shape.size(), 5), shape);
		final NDArray a = block.apply(store, x, manager.create(random(EMBEDDING, 6), new Shape(1,
			EMBEDDING)), false);
		final NDArray b = block.apply(store, x, manager.create(random(EMBEDDING, 7), new Shape(1,
			EMBEDDING)), false);
		return a.sub(b).abs().max().getFloat();
	}
}
