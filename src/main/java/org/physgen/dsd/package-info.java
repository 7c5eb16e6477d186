/**
 * Discrete Spatial Diffusion in 3D, free of DJL: forward noising with reverse-rate targets, the
 * process-likelihood loss on arrays ({@link org.physgen.dsd.DsdLoss}), the tau-leap sampler with
 * its starts and inpainting mask, the {@link org.physgen.dsd.RateModel} interface the network
 * adapter implements, and occupancy repair. The analytic oracles that check the sampler
 * without a network ({@code ExactRateModel}, {@code AssignmentRateModel}) live in the test sources
 * of this package.
 * <p>
 * State: integer particle counts {@code n[c][v] >= 0} per channel c and voxel v (Grid index), held
 * as one {@code int[]} per channel, because counts are unbounded in principle (the process has no
 * exclusion). Arrays handed to a rate model are flat float arrays in the layout of
 * {@link org.physgen.dsd.BatchShape}. Time is physical time t in [0, t_(T-1)]; the rate model
 * receives the schedule's network time k/(T-1) instead.
 */
package org.physgen.dsd;
