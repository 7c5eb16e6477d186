package org.physgen.dsd;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Independent random streams keyed by (seed, purpose, index), so that work split into slices
 * draws the same numbers whatever the number of threads.
 */
final class Streams {

	private Streams() {}

	static UniformRandomProvider of(final long seed, final long purpose, final long index) {
		final long a = splitMix(seed ^ splitMix(purpose));
		final long b = splitMix(a + splitMix(index + 0x5851F42D4C957F2DL));
		return RandomSource.XO_RO_SHI_RO_128_PP.create(new long[] { a, b == 0 ? 1 : b });
	}

	private static long splitMix(long z) {
		z += 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
