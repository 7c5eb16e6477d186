package org.physgen.pfgm;

/**
 * Finished samples (one flat array per batch item, layout of {@link VolumeShape}) and the number
 * of denoiser evaluations each took.
 */
public record Samples(float[][] samples, int evaluations) {}
