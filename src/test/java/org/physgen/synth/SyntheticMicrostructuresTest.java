package org.physgen.synth;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.ForkJoinPool;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

class SyntheticMicrostructuresTest {

	private static SyntheticSpec spec(final SyntheticKind kind, final int size, final boolean periodic,
		final long seed, final double... fractions)
	{
		return new SyntheticSpec(kind, size, size, size, fractions, 4.0, 5.0, periodic, seed,
			VoxelSize.DEFAULT);
	}

	@Test
	void gaussianFieldHitsTheExactCount() {
		final LabelVolume v = SyntheticMicrostructures.generate(spec(SyntheticKind.GAUSSIAN_FIELD, 64, false, 7, 0.2));
		assertArrayEquals(new long[] { 262144 - 52429, 52429 }, v.phaseCounts());
		assertEquals("pore", v.phases().name(1));
	}

	@Test
	void everyKindHitsExactCountsOnANonCubicBox() {
		for (final boolean periodic : new boolean[] { false, true }) {
			final SyntheticSpec grf = new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, 20, 17, 11,
				new double[] { 0.3, 0.1, 0.25 }, 3.0, 4.0, periodic, 3, VoxelSize.DEFAULT);
			final long n = 20 * 17 * 11;
			final long c1 = Math.round(0.3 * n), c2 = Math.round(0.1 * n), c3 = Math.round(0.25 * n);
			assertArrayEquals(new long[] { n - c1 - c2 - c3, c1, c2, c3 },
				SyntheticMicrostructures.generate(grf).phaseCounts());

			final SyntheticSpec beads = new SyntheticSpec(SyntheticKind.SPHERES, 20, 17, 11,
				new double[] { 0.55 }, 3.0, 3.0, periodic, 3, VoxelSize.DEFAULT);
			assertArrayEquals(new long[] { n - Math.round(0.55 * n), Math.round(0.55 * n) },
				SyntheticMicrostructures.generate(beads).phaseCounts());

			final SyntheticSpec electrode = new SyntheticSpec(SyntheticKind.ELECTRODE, 20, 17, 11,
				new double[] { 0.40, 0.15 }, 3.0, 3.0, periodic, 3, VoxelSize.DEFAULT);
			final long a = Math.round(0.40 * n), b = Math.round(0.15 * n);
			assertArrayEquals(new long[] { n - a - b, a, b },
				SyntheticMicrostructures.generate(electrode).phaseCounts());
		}
	}

	@Test
	void electrodeAt64CubedHasExactCountsForAllThreePhases() {
		final LabelVolume v = SyntheticMicrostructures.generate(spec(SyntheticKind.ELECTRODE, 64, false, 7, 0.40, 0.15));
		assertArrayEquals(new long[] { 262144 - 104858 - 39322, 104858, 39322 }, v.phaseCounts());
		assertEquals("carbon-binder", v.phases().name(2));
	}

	@Test
	void sameSeedSameVolumeOtherSeedOtherVolume() {
		for (final SyntheticKind kind : SyntheticKind.values()) {
			final double[] f = kind == SyntheticKind.ELECTRODE ? new double[] { 0.4, 0.15 } : new double[] { 0.3 };
			final LabelVolume a = SyntheticMicrostructures.generate(spec(kind, 24, true, 11, f));
			final LabelVolume b = SyntheticMicrostructures.generate(spec(kind, 24, true, 11, f));
			final LabelVolume c = SyntheticMicrostructures.generate(spec(kind, 24, true, 12, f));
			assertTrue(Arrays.deepEquals(a.slices(), b.slices()), kind + " is not reproducible");
			assertFalse(Arrays.deepEquals(a.slices(), c.slices()), kind + " ignores the seed");
		}
	}

	@Test
	void theThreadCountDoesNotChangeTheVolume() throws Exception {
		final int fftThreads = ConcurrencyUtils.getNumberOfThreads();
		final ForkJoinPool single = new ForkJoinPool(1);
		try {
			for (final SyntheticKind kind : SyntheticKind.values()) {
				final double[] f = kind == SyntheticKind.ELECTRODE ? new double[] { 0.4, 0.15 } : new double[] { 0.3 };
				final SyntheticSpec spec = spec(kind, 48, false, 21, f);
				ConcurrencyUtils.setNumberOfThreads(4);
				final LabelVolume parallel = SyntheticMicrostructures.generate(spec);
				ConcurrencyUtils.setNumberOfThreads(1);
				final LabelVolume serial = single.submit(() -> SyntheticMicrostructures.generate(spec)).get();
				assertTrue(Arrays.deepEquals(parallel.slices(), serial.slices()), kind.label());
			}
		}
		finally {
			ConcurrencyUtils.setNumberOfThreads(fftThreads);
			single.shutdown();
		}
	}

	@Test
	void gaussianFieldHasTheStatedCovariance() {
		final double ell = 4;
		final float[][] f = new GaussianRandomField(64, 64, 64, ell, true).sample(5);
		for (final int lag : new int[] { 2, 4, 8 }) {
			final double expected = Math.exp(-lag * lag / (2 * ell * ell));
			assertEquals(expected, autocorrelationAlongX(f, 64, lag), 0.05, "lag " + lag);
		}
	}

	@Test
	void periodicVolumesWrapAroundAndOthersDoNot() {
		for (final SyntheticKind kind : new SyntheticKind[] { SyntheticKind.GAUSSIAN_FIELD, SyntheticKind.SPHERES }) {
			final LabelVolume periodic = SyntheticMicrostructures.generate(spec(kind, 48, true, 3, 0.3));
			final LabelVolume open = SyntheticMicrostructures.generate(spec(kind, 48, false, 3, 0.3));
			final double inside = agreement(periodic, 0, 1), across = agreement(periodic, 47, 0);
			assertEquals(inside, across, 0.06, kind + ": periodic faces should match like neighbours");
			assertTrue(agreement(open, 47, 0) < agreement(open, 0, 1) - 0.1,
				kind + ": non-periodic faces should be unrelated");
		}
	}

	@Test
	void carbonBinderSitsOnTheActiveParticles() {
		final LabelVolume v = SyntheticMicrostructures.generate(spec(SyntheticKind.ELECTRODE, 48, true, 9, 0.4, 0.15));
		final int[] distance = cityBlockDistanceTo(v, 1);
		double cbd = 0, pore = 0;
		long nCbd = 0, nPore = 0;
		final int size = 48 * 48;
		for (int z = 0; z < 48; z++) {
			final byte[] s = v.slice(z);
			for (int i = 0; i < size; i++) {
				if (s[i] == 2) { cbd += distance[z * size + i]; nCbd++; }
				if (s[i] == 0) { pore += distance[z * size + i]; nPore++; }
			}
		}
		assertTrue(cbd / nCbd < 2.0, "carbon-binder mean distance to active " + cbd / nCbd);
		assertTrue(cbd / nCbd < 0.6 * pore / nPore, "carbon-binder " + cbd / nCbd + " vs pore " + pore / nPore);
	}

	@Test
	void impossibleRequestsAreRejectedByName() {
		assertTrue(message(() -> SyntheticMicrostructures.generate(spec(SyntheticKind.GAUSSIAN_FIELD, 8, false, 1, 0.7, 0.5))).contains("fractions"));
		assertTrue(message(() -> SyntheticMicrostructures.generate(spec(SyntheticKind.GAUSSIAN_FIELD, 8, false, 1, -0.1))).contains("fractions"));
		assertTrue(message(() -> SyntheticMicrostructures.generate(spec(SyntheticKind.GAUSSIAN_FIELD, 4, false, 1, 0.001))).contains("fractions"));
		assertTrue(message(() -> spec(SyntheticKind.ELECTRODE, 8, false, 1, 0.4)).contains("fractions"));
		assertTrue(message(() -> spec(SyntheticKind.SPHERES, 8, false, 1, 0.4, 0.1)).contains("fractions"));
		assertTrue(message(() -> spec(SyntheticKind.SPHERES, 1, false, 1, 0.4)).contains("size_x"));
		assertTrue(message(() -> SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD,
			8, 8, 8, new double[] { 0.2 }, 0, 3, false, 1, VoxelSize.DEFAULT))).contains("correlation_length"));
		assertTrue(message(() -> SyntheticKind.parse("foam")).contains("foam"));
	}

	private static String message(final Runnable r) {
		return assertThrows(IllegalArgumentException.class, r::run).getMessage();
	}

	private static double autocorrelationAlongX(final float[][] f, final int n, final int lag) {
		double mean = 0, count = 0;
		for (final float[] s : f) for (final float v : s) { mean += v; count++; }
		mean /= count;
		double var = 0, cov = 0;
		for (final float[] s : f) {
			for (int y = 0; y < n; y++) {
				for (int x = 0; x < n; x++) {
					final double a = s[x + y * n] - mean, b = s[(x + lag) % n + y * n] - mean;
					var += a * a;
					cov += a * b;
				}
			}
		}
		return cov / var;
	}

	/** Fraction of (y, z) positions where the voxels at x = a and x = b have the same phase. */
	private static double agreement(final LabelVolume v, final int a, final int b) {
		long same = 0;
		for (int z = 0; z < v.sizeZ(); z++) {
			for (int y = 0; y < v.sizeY(); y++) {
				if (v.phaseAt(a, y, z) == v.phaseAt(b, y, z)) same++;
			}
		}
		return (double) same / (v.sizeY() * v.sizeZ());
	}

	/** Periodic city-block distance of every voxel to the nearest voxel of a phase (breadth-first). */
	private static int[] cityBlockDistanceTo(final LabelVolume v, final int phase) {
		final int nx = v.sizeX(), ny = v.sizeY(), nz = v.sizeZ();
		final int[] d = new int[nx * ny * nz];
		Arrays.fill(d, -1);
		final ArrayDeque<Integer> queue = new ArrayDeque<>();
		for (int z = 0; z < nz; z++) {
			for (int i = 0; i < nx * ny; i++) {
				if (v.slice(z)[i] == phase) { d[z * nx * ny + i] = 0; queue.add(z * nx * ny + i); }
			}
		}
		final int[][] steps = { { 1, 0, 0 }, { -1, 0, 0 }, { 0, 1, 0 }, { 0, -1, 0 }, { 0, 0, 1 }, { 0, 0, -1 } };
		while (!queue.isEmpty()) {
			final int idx = queue.poll();
			final int x = idx % nx, y = (idx / nx) % ny, z = idx / (nx * ny);
			for (final int[] s : steps) {
				final int j = Math.floorMod(x + s[0], nx) + Math.floorMod(y + s[1], ny) * nx
					+ Math.floorMod(z + s[2], nz) * nx * ny;
				if (d[j] < 0) { d[j] = d[idx] + 1; queue.add(j); }
			}
		}
		return d;
	}
}
