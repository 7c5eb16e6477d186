package org.physgen.pfgm;

/**
 * A decoded sample: labels (one array per z slice, index x + y * sizeX) with exactly the requested
 * phase counts, and how many voxels the exact projection gave a different phase than the nearest
 * phase of the continuous sample (its sign for one channel, its largest channel otherwise).
 */
public record Decoded(byte[][] labels, long flipped) {}
