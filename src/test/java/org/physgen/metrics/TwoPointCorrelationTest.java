package org.physgen.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.physgen.metrics.MetricsATestVolumes.empty;
import static org.physgen.metrics.MetricsATestVolumes.fill;
import static org.physgen.metrics.MetricsATestVolumes.in;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;

import org.junit.jupiter.api.Test;
import org.physgen.volume.LabelVolume;

class TwoPointCorrelationTest {

	private static final double EPS = 1e-12;

	@Test
	void slabAcrossZ() {
		// phase 1 fills z in [3, 8) of a 10^3 box: S2_z(r) = max(0, w - r) / (L - r), S2_x = S2_y = w / L
		final int size = 10;
		final int width = 5;
		final LabelVolume v = empty(size, size, size, 2);
		fill(v, 0, size, 0, size, 3, 3 + width, 1);
		final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(v, 1, 9);
		for (int r = 0; r <= 9; r++) {
			assertEquals(Math.max(0, width - r) / (double) (size - r), s2.value(2, r), EPS, "z, r = " + r);
			assertEquals(0.5, s2.value(0, r), EPS);
			assertEquals(0.5, s2.value(1, r), EPS);
			assertEquals((long) size * size * (size - r), s2.pairs()[2][r]);
		}
	}

	@Test
	void normalisedS2OfACheckerboardIsMinusOneAtOddAndOneAtEvenDistances() {
		final int size = 6;
		final LabelVolume v = empty(size, size, size, 2);
		for (int z = 0; z < size; z++) {
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) {
					if ((x + y + z) % 2 == 1) v.setPhase(x, y, z, 1);
				}
			}
		}
		final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(v, 1, 3);
		assertEquals(1, s2.normalised(0), EPS);
		assertEquals(-1, s2.normalised(1), EPS);
		assertEquals(1, s2.normalised(2), EPS);
		// the slab: φ = 1/2, S2 = (5 − r)/(10 − r) along z and 1/2 across: the mean at r = 2 is (3/8 + 1)/3
		final LabelVolume slab = empty(10, 10, 10, 2);
		fill(slab, 0, 10, 0, 10, 3, 8, 1);
		assertEquals(((3 / 8.0 + 1) / 3 - 0.25) / 0.25, TwoPointCorrelation.directional(slab, 1, 2)
			.normalised(2), EPS);
	}

	@Test
	void slabZeroPaddedRadialMatchesShiftByShiftClosedForm() {
		final int size = 12;
		final int width = 4;
		final int rMax = 5;
		final LabelVolume v = empty(size, size, size, 2);
		fill(v, 0, size, 0, size, 2, 2 + width, 1);
		final double[] hits = new double[rMax + 1];
		final double[] pairs = new double[rMax + 1];
		for (int dz = -rMax; dz <= rMax; dz++) {
			for (int dy = -rMax; dy <= rMax; dy++) {
				for (int dx = -rMax; dx <= rMax; dx++) {
					final long r = Math.round(Math.sqrt(dx * dx + dy * dy + dz * dz));
					if (r > rMax) continue;
					final double lateral = (size - Math.abs(dx)) * (size - Math.abs(dy));
					hits[(int) r] += lateral * Math.max(0, width - Math.abs(dz));
					pairs[(int) r] += lateral * (size - Math.abs(dz));
				}
			}
		}
		final double[] values = TwoPointCorrelation.radialZeroPadded(v, 1, rMax).values();
		for (int r = 0; r <= rMax; r++) assertEquals(hits[r] / pairs[r], values[r], 1e-9, "r = " + r);
	}

	@Test
	void directionalMatchesPairCountingOnRandomVolumes() {
		for (long seed = 1; seed <= 4; seed++) {
			// 70 columns spill over one 64-bit word
			final LabelVolume v = MetricsATestVolumes.random(70, 9, 11, new double[] { 0.5, 0.3, 0.2 }, seed);
			for (int phase = 0; phase < 3; phase++) {
				final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(v, phase, 8);
				for (int axis = 0; axis < 3; axis++) {
					for (int r = 0; r <= 8; r++) {
						final int[] e = unit(axis, r);
						long hits = 0;
						long pairs = 0;
						for (int z = 0; z < v.sizeZ(); z++) {
							for (int y = 0; y < v.sizeY(); y++) {
								for (int x = 0; x < v.sizeX(); x++) {
									if (x + e[0] >= v.sizeX() || y + e[1] >= v.sizeY() || z + e[2] >= v.sizeZ()) continue;
									pairs++;
									if (in(v, x, y, z, phase) && in(v, x + e[0], y + e[1], z + e[2], phase)) hits++;
								}
							}
						}
						assertEquals(hits, s2.hits()[axis][r], "axis " + axis + ", r = " + r);
						assertEquals(pairs, s2.pairs()[axis][r]);
					}
				}
			}
		}
	}

	@Test
	void radialMatchesShiftByShiftSumsOnRandomVolumes() {
		final LabelVolume v = MetricsATestVolumes.random(10, 12, 9, new double[] { 0.6, 0.4 }, 11);
		final int rMax = 4;
		for (final boolean periodic : new boolean[] { true, false }) {
			final double[] hits = new double[rMax + 1];
			final double[] pairs = new double[rMax + 1];
			final long[] shifts = new long[rMax + 1];
			for (int dz = -rMax; dz <= rMax; dz++) {
				for (int dy = -rMax; dy <= rMax; dy++) {
					for (int dx = -rMax; dx <= rMax; dx++) {
						final long r = Math.round(Math.sqrt(dx * dx + dy * dy + dz * dz));
						if (r > rMax) continue;
						shifts[(int) r]++;
						for (int z = 0; z < v.sizeZ(); z++) {
							for (int y = 0; y < v.sizeY(); y++) {
								for (int x = 0; x < v.sizeX(); x++) {
									int x2 = x + dx;
									int y2 = y + dy;
									int z2 = z + dz;
									if (periodic) {
										x2 = Math.floorMod(x2, v.sizeX());
										y2 = Math.floorMod(y2, v.sizeY());
										z2 = Math.floorMod(z2, v.sizeZ());
									}
									else if (x2 < 0 || y2 < 0 || z2 < 0 || x2 >= v.sizeX() || y2 >= v.sizeY() || z2 >= v
										.sizeZ())
									{
										continue;
									}
									pairs[(int) r]++;
									if (in(v, x, y, z, 1) && in(v, x2, y2, z2, 1)) hits[(int) r]++;
								}
							}
						}
					}
				}
			}
			final TwoPointCorrelation.Radial radial = periodic ? TwoPointCorrelation.radialPeriodic(v, 1, rMax)
				: TwoPointCorrelation.radialZeroPadded(v, 1, rMax);
			assertEquals(periodic, radial.periodic());
			assertArrayEquals(shifts, radial.shifts());
			for (int r = 0; r <= rMax; r++) {
				assertEquals(hits[r] / pairs[r], radial.values()[r], 1e-9, (periodic ? "periodic" : "padded")
					+ ", r = " + r);
			}
		}
	}

	@Test
	void radialReportsProgressAndStopsWhenCancelled() {
		final LabelVolume v = MetricsATestVolumes.random(8, 8, 8, new double[] { 0.5, 0.5 }, 3);
		final List<Double> reported = new ArrayList<>();
		TwoPointCorrelation.radial(v, 0, 3, true, reported::add, () -> false);
		assertEquals(1.0, reported.get(reported.size() - 1));
		for (int i = 1; i < reported.size(); i++) assertEquals(true, reported.get(i) >= reported.get(i - 1));
		assertThrows(CancellationException.class, () -> TwoPointCorrelation.radial(v, 0, 3, false, p -> {},
			() -> true));
	}

	@Test
	void smoothLengthsHaveOnlySmallFactors() {
		assertEquals(288, TwoPointCorrelation.smoothLength(288));
		assertEquals(288, TwoPointCorrelation.smoothLength(282));
		assertEquals(256, TwoPointCorrelation.smoothLength(251));
		assertEquals(8, TwoPointCorrelation.smoothLength(7));
	}

	private static int[] unit(final int axis, final int r) {
		final int[] e = new int[3];
		e[axis] = r;
		return e;
	}
}
