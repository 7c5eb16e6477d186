package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

/** The slice-parallel metrics give identical results whatever the number of threads. */
class MetricsAThreadCountTest {

	@Test
	void oneAndFourThreadsAgree() {
		final LabelVolume v = MetricsATestVolumes.random(40, 30, 50, new double[] { 0.5, 0.3, 0.2 }, 9);
		for (int phase = 0; phase < 3; phase++) {
			final int p = phase;
			final TwoPointCorrelation.Directional s2a = in(1, () -> TwoPointCorrelation.directional(v, p, 12));
			final TwoPointCorrelation.Directional s2b = in(4, () -> TwoPointCorrelation.directional(v, p, 12));
			assertArrayEquals(s2a.hits(), s2b.hits());
			assertArrayEquals(in(1, () -> TwoPointCorrelation.radialZeroPadded(v, p, 6)).values(), in(4,
				() -> TwoPointCorrelation.radialZeroPadded(v, p, 6)).values());
			assertArrayEquals(in(1, () -> LinealPath.of(v, p, 20)).hits(), in(4, () -> LinealPath.of(v, p, 20))
				.hits());
			assertArrayEquals(in(1, () -> ChordLengths.of(v, p)).counts(), in(4, () -> ChordLengths.of(v, p))
				.counts());
			assertArrayEquals(in(1, () -> SpecificSurface.of(v, p)).faces(), in(4, () -> SpecificSurface.of(v, p))
				.faces());
			assertEquals(in(1, () -> EulerCharacteristic.of(v, p)), in(4, () -> EulerCharacteristic.of(v, p)));
		}
	}

	private static <T> T in(final int threads, final Supplier<T> work) {
		final ForkJoinPool pool = new ForkJoinPool(threads);
		try {
			return pool.submit(work::get).join();
		}
		finally {
			pool.shutdown();
		}
	}
}
