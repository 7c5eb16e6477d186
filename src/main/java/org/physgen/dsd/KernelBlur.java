package org.physgen.dsd;

import java.util.stream.IntStream;

import org.physgen.lattice.AxisKernel;

/**
 * Applies the separable 3D kernel to a field: {@code out(x) = sum_x0 p(x | x0) in(x0)}, one axis at
 * a time, so the cost is voxels times the sum of the edge lengths.
 */
public final class KernelBlur {

	private KernelBlur() {}

	/**
	 * The field carried by the forward walk for forward time {@code tau = r·t}: where particles
	 * that started with density {@code field} are, in expectation.
	 *
	 * @param field one value per voxel of the grid (Grid index); not modified
	 * @param tau forward time r·t, at least 0
	 */
	public static double[] apply(final Grid grid, final double tau, final double[] field) {
		if (field.length != grid.voxels()) {
			throw new IllegalArgumentException("field has " + field.length + " values, grid " + grid.voxels());
		}
		return apply(grid, TimeKernels.atTau(grid, tau), field);
	}

	static double[] apply(final Grid grid, final AxisKernel[] kernels, final double[] field) {
		double[] current = field;
		for (int axis = 0; axis < 3; axis++) {
			current = alongAxis(grid, kernels[axis], axis, current);
		}
		return current;
	}

	private static double[] alongAxis(final Grid grid, final AxisKernel kernel, final int axis,
		final double[] in)
	{
		final int length = grid.size(axis);
		final int stride = axis == 0 ? 1 : axis == 1 ? grid.sizeX() : grid.sliceLength();
		final double[] table = new double[length * length];
		for (int to = 0; to < length; to++) {
			for (int from = 0; from < length; from++) {
				table[to * length + from] = kernel.probability(to, from);
			}
		}
		final double[] out = new double[in.length];
		final int lines = in.length / length;
		IntStream.range(0, lines).parallel().forEach(line -> {
			final int start = line / stride * stride * length + line % stride;
			for (int to = 0; to < length; to++) {
				double sum = 0;
				for (int from = 0; from < length; from++) {
					sum += table[to * length + from] * in[start + from * stride];
				}
				out[start + to * stride] = sum;
			}
		});
		return out;
	}
}
