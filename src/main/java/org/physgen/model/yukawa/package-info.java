/**
 * The Yukawa family (SPEC 13): its strategy {@link org.physgen.model.yukawa.YukawaFamily}, the
 * model that grows volumes particle by particle, the network adapter to
 * {@link org.physgen.yukawa.BirthHopModel}, and the training objective on tensors. Uses the
 * generation layer, {@code train}, {@code nn}, {@code dsd} and {@code yukawa}; never another family.
 */
package org.physgen.model.yukawa;
