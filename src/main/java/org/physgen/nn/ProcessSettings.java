package org.physgen.nn;

import com.google.gson.JsonObject;

/**
 * The family section of a model file: the settings of the process a model was trained with, as one
 * typed record per family ({@link DsdProcess}, {@link PfgmProcess}, {@link LocalDsmProcess}). Each record validates its
 * values when built and writes its own JSON section; {@link ModelFamily} reads it back.
 */
public interface ProcessSettings {

	/** The family whose section this is. */
	ModelFamily family();

	/** The section's fields, as {@code model.json} stores them under {@link ModelFamily#section()}. */
	JsonObject toJson();
}
