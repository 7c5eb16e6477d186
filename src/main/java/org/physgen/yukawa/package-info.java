/**
 * The Yukawa family's physics on the voxel lattice, free of DJL (SPEC 13; GenPhys, Liu, Luo, Xu,
 * Jaakkola, Tegmark, arXiv 2304.02637, section 3): screened diffusion {@code dn/dt = r Δn − μ(t) n},
 * in which every particle hops as in DSD and dies at hazard μ(t). Here are the survival schedules
 * S(t), the death times, the forward simulation with particle identities and its hop and birth
 * targets, the loss on arrays, the {@link org.physgen.yukawa.BirthHopModel} interface the network
 * adapter implements, and the reverse sampler of hops and births, which ends with exactly the
 * requested counts, with the recorder of its growth frames ({@link org.physgen.yukawa.GrowthRecorder}).
 * Hops, kernels and occupancy repair are DSD's ({@code org.physgen.dsd}).
 * <p>
 * Arrays follow {@link org.physgen.dsd.BatchShape}; birth distributions have the counts layout,
 * {@code (b * channels + c) * voxels + v}. Time is physical time t in [0, 1]: S(0) = 1, S(1) = 0.
 */
package org.physgen.yukawa;
