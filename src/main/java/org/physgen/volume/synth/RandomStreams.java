package org.physgen.volume.synth;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent, reproducible random streams derived from one user seed, so that work split across
 * threads (one stream per slice, say) gives the same volume whatever the thread count.
 */
final class RandomStreams {

	private RandomStreams() {}

	static UniformRandomProvider stream(final long seed, final long stream) {
		final long a = mix(seed);
		final long b = mix(a ^ mix(stream + 0x632BE59BD9B4E019L));
		return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { a, b == 0 ? 1 : b });
	}

	/** SplitMix64 finaliser: spreads nearby seeds over the whole 64-bit range. */
	static long mix(long z) {
		z += 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
