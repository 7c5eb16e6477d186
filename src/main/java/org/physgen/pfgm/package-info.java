/**
 * PFGM++ in 3D, free of DJL: the perturbation kernel of any D, EDM preconditioning, the noise-level
 * grid, the Heun sampler with churn and mean steering, phase encoding and exact-count decoding, and
 * the {@link org.physgen.pfgm.Denoiser} interface the network adapter implements. The finite-data
 * oracle ({@code FiniteDataDenoiser}) lives in the test sources of this package.
 */
package org.physgen.pfgm;
