package org.physgen.random;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams derived from one user seed and a few keys (a sample of a batch, a z
 * slice, a block of voxels, a purpose). Work split across threads draws from streams keyed by what it
 * computes, not by which thread runs it, so results do not depend on the thread count.
 */
public final class RandomStreams {

	private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
	private static final long KEY_SALT = 0x632BE59BD9B4E019L;
	private static final long STREAM_SALT = 0x5DEECE66DL;

	private RandomStreams() {}

	/** The stream for a seed and keys; the same arguments always give the same numbers. */
	public static UniformRandomProvider of(final long seed, final long... keys) {
		long state = scramble(seed);
		for (final long key : keys) state = scramble(state ^ scramble(key + KEY_SALT));
		final long second = scramble(state ^ STREAM_SALT);
		return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { state, second == 0 ? 1 : second });
	}

	/** A new seed for a separate purpose (a sampler step, say), unrelated to nearby purposes. */
	public static long derive(final long seed, final long purpose) {
		return scramble(seed ^ scramble(purpose + KEY_SALT));
	}

	/** SplitMix64 finaliser: a bijection of 64-bit values that spreads nearby inputs apart. */
	public static long mix(long z) {
		z = (z ^ z >>> 30) * 0xBF58476D1CE4E5B9L;
		z = (z ^ z >>> 27) * 0x94D049BB133111EBL;
		return z ^ z >>> 31;
	}

	private static long scramble(final long value) {
		return mix(value + GOLDEN_GAMMA);
	}
}
