package org.physgen.dsd;

/**
 * A forward-noised batch of which each particle was kept with some probability
 * ({@link ForwardNoising#noiseThinned}).
 *
 * @param kept counts and reverse-rate targets of the kept particles
 * @param removed origins of the removed particles: how many started at each voxel, in the counts
 *          layout of {@link BatchShape}, {@code (b * channels + c) * voxels + v}
 */
public record ThinnedBatch(NoisedBatch kept, float[] removed) {}
