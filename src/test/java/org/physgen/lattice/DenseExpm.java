package org.physgen.lattice;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reference kernels: exp(tau G) of the dense generator G of a unit-rate walk, through the
 * eigen-decomposition of the symmetric G. Entry [to][from].
 */
final class DenseExpm {

	private DenseExpm() {}

	static double[][] walk(final Boundary boundary, final int length, final double tau) {
		return walk(boundary, new int[] { length }, tau);
	}

	/** The walk on a box with the given edge lengths; state index x + sizeX (y + sizeY z). */
	static double[][] walk(final Boundary boundary, final int[] sizes, final double tau) {
		int states = 1;
		for (final int size : sizes) {
			states *= size;
		}
		final double[][] g = new double[states][states];
		for (int i = 0; i < states; i++) {
			int stride = 1;
			for (final int size : sizes) {
				final int coordinate = i / stride % size;
				for (final int step : new int[] { -1, 1 }) {
					int moved = coordinate + step;
					if (boundary == Boundary.PERIODIC) moved = Math.floorMod(moved, size);
					else if (moved < 0 || moved >= size) continue;
					g[i + (moved - coordinate) * stride][i] += 1;
					g[i][i] -= 1;
				}
				stride *= size;
			}
		}
		return expm(g, tau);
	}

	private static double[][] expm(final double[][] g, final double tau) {
		final int length = g.length;
		final EigenDecomposition eigen = new EigenDecomposition(new Array2DRowRealMatrix(g));
		final RealMatrix v = eigen.getV();
		final double[] lambda = eigen.getRealEigenvalues();
		final double[][] result = new double[length][length];
		for (int i = 0; i < length; i++) {
			for (int j = 0; j < length; j++) {
				double sum = 0;
				for (int k = 0; k < length; k++) {
					sum += v.getEntry(i, k) * Math.exp(tau * lambda[k]) * v.getEntry(j, k);
				}
				result[i][j] = sum;
			}
		}
		return result;
	}
}
