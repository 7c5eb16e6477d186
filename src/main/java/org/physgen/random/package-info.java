/**
 * Seeded, independent random streams derived from a seed and keys, so that every sampler and
 * generator is reproducible whatever the thread count. The ground floor: depends on nothing.
 */
package org.physgen.random;
