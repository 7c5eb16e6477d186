/**
 * Separable random-walk kernels on periodic and reflecting boxes, and the noise schedules of the
 * DSD forward process. Depends on nothing else in PhysGen.
 */
package org.physgen.lattice;
