/**
 * Local denoising score matching (local-DSM, SPEC §12) for a nonlinear diffusion, free of DJL:
 * the tilted double well {@link org.physgen.ldsm.DoubleWell} as elementwise forward SDE
 * {@code dy = -U'(y) dt + sqrt(2) dW}, its stationary density (the prior) with the tilt solved for a
 * phase fraction, Euler–Maruyama forward simulation, the locally linearised Gaussian step that gives
 * the training targets, and the reverse-SDE and probability-flow samplers over a
 * {@link org.physgen.ldsm.TimeGrid}, driven by the {@link org.physgen.ldsm.Score} interface the
 * network adapter implements. Samples use the phase encoding and exact-count decoding of
 * {@code pfgm} ({@link org.physgen.pfgm.PhaseEncoding}). The Fokker–Planck score oracle lives in the
 * test sources of this package.
 * <p>
 * Source: Singhal, Goldstein, Ranganath, "What's the score? Automated denoising score matching for
 * nonlinear diffusions", arXiv 2407.07998 (local DSM, their §3).
 */
package org.physgen.ldsm;
