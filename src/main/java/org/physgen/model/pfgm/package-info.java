/**
 * The PFGM++ family: its strategy {@link org.physgen.model.pfgm.PfgmFamily}, the model that generates
 * by Heun sampling and the exact projection, the network adapter to {@link org.physgen.pfgm.Denoiser}
 * with EDM preconditioning, and the training objective on tensors. Uses the generation layer,
 * {@code train}, {@code nn} and {@code pfgm}; never another family.
 */
package org.physgen.model.pfgm;
