package org.physgen.lattice;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AxisKernelTest {

	private static final double[] TAUS = { 0, 1e-4, 0.03, 0.7, 3.0, 25.0 };

	@Test
	void cosineSumsEqualDenseMatrixExponential() {
		for (final Boundary boundary : Boundary.values()) {
			for (final int length : new int[] { 1, 2, 3, 7, 12 }) {
				for (final double tau : TAUS) {
					final AxisKernel kernel = AxisKernel.of(boundary, length, tau);
					final double[][] expm = DenseExpm.walk(boundary, length, tau);
					for (int to = 0; to < length; to++) {
						for (int from = 0; from < length; from++) {
							assertEquals(expm[to][from], kernel.probability(to, from), 1e-12, boundary
								+ " L=" + length + " tau=" + tau + " " + to + "<-" + from);
						}
					}
				}
			}
		}
	}

	@Test
	void cosineSumsEqualBesselImageSums() {
		for (final Boundary boundary : Boundary.values()) {
			for (final int length : new int[] { 1, 4, 9 }) {
				for (final double tau : TAUS) {
					final AxisKernel kernel = AxisKernel.of(boundary, length, tau);
					final BesselImageSum images = new BesselImageSum(tau);
					for (int to = 0; to < length; to++) {
						for (int from = 0; from < length; from++) {
							assertEquals(images.kernel(boundary, length, to, from), kernel
								.probability(to, from), 1e-12, boundary + " L=" + length + " tau=" + tau);
						}
					}
				}
			}
		}
	}

	@Test
	void threeDimensionalKernelIsTheProductOfAxisKernels() {
		final int[] sizes = { 3, 4, 2 };
		for (final Boundary boundary : Boundary.values()) {
			for (final double tau : new double[] { 0.05, 0.9, 4 }) {
				final double[][] dense = DenseExpm.walk(boundary, sizes, tau);
				final AxisKernel[] axes = new AxisKernel[3];
				for (int a = 0; a < 3; a++) {
					axes[a] = AxisKernel.of(boundary, sizes[a], tau);
				}
				for (int to = 0; to < 24; to++) {
					for (int from = 0; from < 24; from++) {
						final double product = axes[0].probability(to % 3, from % 3) * axes[1].probability(to
							/ 3 % 4, from / 3 % 4) * axes[2].probability(to / 12, from / 12);
						assertEquals(dense[to][from], product, 1e-12, boundary + " tau=" + tau);
					}
				}
			}
		}
	}

	@Test
	void eachKernelSumsToOne() {
		for (final Boundary boundary : Boundary.values()) {
			for (final double tau : TAUS) {
				final AxisKernel kernel = AxisKernel.of(boundary, 33, tau);
				for (int from = 0; from < 33; from++) {
					double sum = 0;
					for (int to = 0; to < 33; to++) {
						assertTrue(kernel.probability(to, from) >= 0);
						sum += kernel.probability(to, from);
					}
					assertEquals(1, sum, 1e-14);
				}
			}
		}
	}

	@Test
	void meanSquaredDisplacementOfUnconfinedWalkIsTwoTau() {
		for (final double tau : new double[] { 0.01, 0.5, 2, 10 }) {
			final int length = 400;
			final AxisKernel kernel = AxisKernel.of(Boundary.PERIODIC, length, tau);
			double msd = 0;
			for (int d = -length / 2; d < length / 2; d++) {
				msd += (double) d * d * kernel.probability(Math.floorMod(d, length), 0);
			}
			assertEquals(2 * tau, msd, 1e-10 * Math.max(1, tau));
		}
	}

	@Test
	void inverseCdfDrawsFollowTheKernel() {
		for (final Boundary boundary : Boundary.values()) {
			final int length = 9;
			final AxisKernel kernel = AxisKernel.of(boundary, length, 0.8);
			final int from = 1;
			final int n = 90000;
			final double[] hits = new double[length];
			for (int i = 0; i < n; i++) {
				hits[kernel.sample(from, (i + 0.5) / n)]++;
			}
			for (int to = 0; to < length; to++) {
				assertEquals(kernel.probability(to, from), hits[to] / n, 2.0 / n, boundary + " " + to);
			}
		}
	}

	@Test
	void drawsNeverLandOnImpossibleSites() {
		final AxisKernel kernel = AxisKernel.of(Boundary.REFLECTING, 6, 0);
		for (final double u : new double[] { 0, 0.5, Math.nextDown(1.0) }) {
			assertEquals(4, kernel.sample(4, u));
		}
	}

	@Test
	void reflectingSitesHaveNoOutwardNeighbour() {
		final AxisKernel kernel = AxisKernel.of(Boundary.REFLECTING, 5, 1);
		assertEquals(-1, kernel.neighbour(0, -1));
		assertEquals(-1, kernel.neighbour(4, 1));
		assertEquals(1, kernel.neighbours(0));
		assertEquals(2, kernel.neighbours(2));
		final AxisKernel ring = AxisKernel.of(Boundary.PERIODIC, 5, 1);
		assertEquals(4, ring.neighbour(0, -1));
		assertEquals(0, ring.neighbour(4, 1));
	}
}
