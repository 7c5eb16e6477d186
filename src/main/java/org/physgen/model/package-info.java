/**
 * Generation, for every family: the {@link org.physgen.model.GenerativeModel} a loaded bundle
 * becomes, generation and inpainting requests, target fractions and their exact counts, the
 * inpainting region's rules, progress, and the {@link org.physgen.model.Family} contract that a
 * family's strategy fulfils. Knows no family itself; depends on {@code train} (for the training half
 * of the contract), {@code nn} and the physics packages.
 */
package org.physgen.model;
