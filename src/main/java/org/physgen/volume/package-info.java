/**
 * Label volumes and phase tables, TIFF, BigTIFF and raw IO, ImagePlus wrapping, output files and
 * heap budgets. The ground floor with {@code random}: it depends on no other PhysGen package.
 */
package org.physgen.volume;
