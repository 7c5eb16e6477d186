package org.physgen.model;

import java.nio.file.Path;

import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.train.TrainableFamily;

/**
 * One model family as a plug-in, in the spirit of EDM's {@code EDMPrecond}, which both the loss and
 * the sampler call: the network's tensors and heads, the process settings and their defaults, the
 * training objective ({@link TrainableFamily}) and the generation wiring. Each family has one
 * strategy in its own package, listed once in {@code org.physgen.Families}; nothing outside them
 * tests which family a model is.
 */
public interface Family extends TrainableFamily {

	/**
	 * Wraps a loaded network as a model of this family, ready to generate.
	 *
	 * @param metadata the bundle's metadata; {@link #requireFits} has accepted it
	 */
	LoadedModel open(Path file, ModelMetadata metadata, NetworkFunction network);
}
