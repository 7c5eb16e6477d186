package org.physgen.lattice;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * Reference 1D kernels: exp(tau G) of the dense generator G of a unit-rate walk, through the
 * eigen-decomposition of the symmetric G. Entry [to][from].
 */
final class DenseExpm {

	private DenseExpm() {}

	static double[][] walk(final Boundary boundary, final int length, final double tau) {
		final double[][] g = new double[length][length];
		for (int i = 0; i < length; i++) {
			for (final int step : new int[] { -1, 1 }) {
				int j = i + step;
				if (boundary == Boundary.PERIODIC) j = Math.floorMod(j, length);
				else if (j < 0 || j >= length) continue;
				g[j][i] += 1;
				g[i][i] -= 1;
			}
		}
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
