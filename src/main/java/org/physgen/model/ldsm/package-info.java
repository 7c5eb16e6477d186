/**
 * The local-DSM family (SPEC §12): its strategy {@link org.physgen.model.ldsm.LdsmFamily}, the model
 * that generates with the reverse SDE or probability-flow sampler of {@code ldsm} and the exact
 * projection, the network adapter to {@link org.physgen.ldsm.Score}, and the local denoising
 * score-matching objective on tensors. Uses the generation layer, {@code train}, {@code nn},
 * {@code ldsm} and {@code pfgm}'s phase encoding; never another family.
 */
package org.physgen.model.ldsm;
