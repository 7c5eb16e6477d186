package org.physgen.pfgm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Reproducible random streams keyed by (seed, item, block): every sample of a batch and every block
 * of a sample draws from its own stream, so results do not depend on how work is split over threads.
 */
final class Streams {

	/** Key of the stream that draws a sample's radius; blocks use keys 0, 1, 2, ... */
	static final long RADIUS = -1;

	private Streams() {}

	static UniformRandomProvider of(final long seed, final long item, final long block) {
		final long first = scramble(scramble(seed) + item);
		final long second = scramble(first ^ scramble(block ^ 0x5DEECE66DL));
		return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { first, second == 0 ? 1 : second });
	}

	/** A new seed for a separate purpose (a sampler step, say) derived from a user seed. */
	static long derive(final long seed, final long purpose) {
		return scramble(seed ^ scramble(purpose + 0x3C6EF372FE94F82BL));
	}

	/** SplitMix64 output function: nearby inputs give unrelated outputs. */
	private static long scramble(final long value) {
		long z = value + 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
