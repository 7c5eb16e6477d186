/**
 * Evaluation of trained models on real data: the held-out fidelity benchmark of SPEC §14
 * ({@link org.physgen.evaluation.FidelityBenchmark}), the PFGM++ D sweep of SPEC §5 on the same split
 * ({@link org.physgen.evaluation.AugDimSweep}) and fidelity samples while training
 * ({@link org.physgen.evaluation.TrainingFidelity}). Depends on {@code train}, {@code metrics},
 * {@code volume} and {@code nn}; never on {@code fiji} or {@code cli}.
 */
package org.physgen.evaluation;
