/**
 * Discrete Spatial Diffusion in 3D: forward noising with reverse-rate targets, training losses,
 * the tau-leap sampler with its starts and inpainting mask, the {@link org.physgen.dsd.RateModel}
 * interface the network implements, an exact rate model for tests, and occupancy repair.
 * <p>
 * State: integer particle counts {@code n[c][v] >= 0} per channel c and voxel v (Grid index), held
 * as one {@code int[]} per channel, because counts are unbounded in principle (the process has no
 * exclusion). Arrays handed to a rate model are flat float arrays in the layout of
 * {@link org.physgen.dsd.BatchShape}. Time is physical time t in [0, t_(T-1)]; the rate model
 * receives the schedule's network time k/(T-1) instead.
 */
package org.physgen.dsd;
