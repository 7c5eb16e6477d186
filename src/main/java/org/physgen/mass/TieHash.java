package org.physgen.mass;

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

	static long mix(long z) {
		z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
		z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
		return z ^ z >>> 31;
	}
}
