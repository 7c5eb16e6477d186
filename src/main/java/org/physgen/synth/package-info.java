/**
 * Synthetic microstructures with exact phase counts: the thresholded Gaussian random field, the
 * overlapping sphere pack and the three-phase electrode. Above {@code mass}, whose exact selection
 * sets their thresholds.
 */
package org.physgen.synth;
