/**
 * The DSD family: its strategy {@link org.physgen.model.dsd.DsdFamily}, the model that generates and
 * inpaints by tau-leaping, the network adapter to {@link org.physgen.dsd.RateModel}, and the training
 * objective on tensors. Uses the generation layer, {@code train}, {@code nn} and {@code dsd}; never
 * another family.
 */
package org.physgen.model.dsd;
