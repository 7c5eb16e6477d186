package org.physgen.yukawa;

import org.physgen.dsd.NoisedBatch;

/**
 * A batch of forward Yukawa states with their targets (SPEC 13).
 *
 * @param alive counts of the alive particles, their DSD hop targets (SPEC 4.3 over the alive
 *          particles), time indices and network times
 * @param births birth target {@code b(x)} of each item and channel in the counts layout: where a
 *          uniformly chosen dead particle would be now, {@code (1/|D|) sum_(i dead) p_t(x | x0_i)};
 *          it sums to 1 over the voxels, or is all 0 when no particle of that item and channel is dead
 * @param birthWeights {@code [b * channels + c]}: the death density times the channel's particles,
 *          {@code −S'(t)·M_c}, the expected births per unit time of the reverse process; 0 where no
 *          particle is dead
 * @param particles all particles of each item, alive and dead, over the channels: M
 */
public record YukawaBatch(NoisedBatch alive, float[] births, double[] birthWeights, double[] particles) {}
