/**
 * Microstructure statistics (fractions, two-point correlation, lineal path, chords, surface, Euler
 * characteristic, thickness, clusters, tortuosity) and the comparison of a real volume with
 * generated ones; {@code metrics.report} turns them into tables, plots and reports.
 */
package org.physgen.metrics;
