package org.physgen.mass;

import static org.physgen.random.RandomStreams.mix;

/**
 * Seeded pseudo-random rank of a voxel used to break ties between equal scores. The SplitMix64
 * finaliser is a bijection of 64-bit values, so distinct voxel indices never share a hash for a
 * given seed; different seeds order the voxels differently.
 */
class TieHash {

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

	private final long salt;

	TieHash(final long seed) {
		salt = mix(seed + GOLDEN_GAMMA);
	}

	long of(final long index) {
		return mix(index ^ salt);
	}
}
