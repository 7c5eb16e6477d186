package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class ThreadCountIndependenceTest {

	private static final LabelVolume VOLUME = VoxelShapes.random(70, 40, 50, 0.6, 11);

	@Test
	void sameResultsWithOneAndThreeThreads() throws Exception {
		final DistanceMap dt1 = inPool(1, () -> DistanceTransform.compute(VOLUME, 1));
		final DistanceMap dt3 = inPool(3, () -> DistanceTransform.compute(VOLUME, 1));
		assertArrayEquals(dt1.distances(), dt3.distances());
		final ThicknessDistribution lt1 = inPool(1, () -> LocalThickness.compute(VOLUME, 1));
		final ThicknessDistribution lt3 = inPool(3, () -> LocalThickness.compute(VOLUME, 1));
		assertArrayEquals(lt1.fractionByRadius(), lt3.fractionByRadius());
		assertEquals(inPool(1, () -> ConnectedComponents.analyse(VOLUME, 1, Connectivity.SIX)), inPool(3,
			() -> ConnectedComponents.analyse(VOLUME, 1, Connectivity.SIX)));
		final TortuosityResult t1 = inPool(1, () -> Tortuosity.compute(VOLUME, 1, 0));
		final TortuosityResult t3 = inPool(3, () -> Tortuosity.compute(VOLUME, 1, 0));
		assertEquals(t1, t3);
	}

	private static <T> T inPool(final int threads, final Callable<T> task) throws Exception {
		final ForkJoinPool pool = new ForkJoinPool(threads);
		try {
			return pool.submit(task).get();
		}
		finally {
			pool.shutdown();
		}
	}
}
