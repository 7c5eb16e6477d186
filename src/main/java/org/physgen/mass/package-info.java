/**
 * Exact projections of continuous scores onto phase voxel counts: binary top-M selection and the
 * multi-phase assignment, with deterministic tie splitting. Depends on {@code random} and
 * {@code volume} only.
 */
package org.physgen.mass;
