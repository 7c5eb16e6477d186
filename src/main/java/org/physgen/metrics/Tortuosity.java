package org.physgen.metrics;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Tortuosity factor of one phase along one axis by steady-state diffusion, discretised as in
 * TauFactor; see {@link TortuosityResult} for the definition. Solved by red-black successive
 * over-relaxation on the voxels of the face-connected clusters that touch both reservoir faces (the
 * others carry no flux). Each half sweep updates one colour from the other, in parallel over chunks,
 * and fluxes are summed chunk by chunk in a fixed order, so results do not depend on the thread count.
 */
public final class Tortuosity {

	public static final double DEFAULT_TOLERANCE = 0.01;
	public static final int DEFAULT_MAX_ITERATIONS = 100_000;

	/** Iterations between convergence checks. */
	private static final int CHECK_EVERY = 20;
	/** Largest net flux into one voxel, relative to the mean layer flux, at convergence. */
	public static final double RESIDUAL_TOLERANCE = 1e-4;
	private static final int CHUNK = 8192;
	/** 1 / degree; a voxel has at most 6 neighbours and 2 reservoirs. */
	private static final double[] INVERSE = IntStream.rangeClosed(0, 10).mapToDouble(d -> 1.0 / d).toArray();

	private Tortuosity() {}

	public static TortuosityResult compute(final LabelVolume volume, final int phase, final int axis) {
		return compute(volume, phase, axis, DEFAULT_TOLERANCE, DEFAULT_MAX_ITERATIONS, p -> {}, () -> false);
	}

	/**
	 * Iterates at least once, and until both criteria hold: the layer fluxes agree within
	 * {@code tolerance}, and no voxel has a net flux above {@link #RESIDUAL_TOLERANCE} of the mean
	 * layer flux (equal layer fluxes alone can hold far from the solution, for example on the start
	 * profile of a one-voxel staircase channel).
	 *
	 * @param tolerance largest (max - min) / mean of the fluxes through all layers at convergence
	 * @param maxIterations gives up (result not converged) after this many red-black iterations
	 * @throws IllegalArgumentException when tolerance is not positive or maxIterations is below 1
	 * @param progress receives an estimate of the fraction done, 0..1
	 * @param cancelled polled between iterations; true throws a {@link CancellationException}
	 */
	public static TortuosityResult compute(final LabelVolume volume, final int phase, final int axis,
		final double tolerance, final int maxIterations, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		FlatIndex.checkAxis(axis);
		FlatIndex.checkPhase(volume, phase);
		if (!(tolerance > 0)) {
			throw new IllegalArgumentException("tolerance must be positive, got " + tolerance);
		}
		if (maxIterations < 1) {
			throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
		}
		final long phaseVoxels = volume.phaseCounts()[phase];
		final double fraction = phaseVoxels / (double) volume.voxelCount();
		final boolean[] conducting = ConnectedComponents.spanningVoxels(volume, phase, axis);
		final DiffusionLattice lattice = new DiffusionLattice(volume, conducting, axis);
		final long crossSection = volume.voxelCount() / lattice.length;
		if (lattice.count(0) + lattice.count(1) == 0) {
			progress.accept(1);
			return new TortuosityResult(phase, axis, fraction, 0, Double.POSITIVE_INFINITY, 0, 0, 0, true, true);
		}
		final double[] c = initialProfile(lattice);
		final double omega = 2 - Math.PI / (1.5 * lattice.length);
		final Balance first = Balance.of(lattice, c);
		Balance balance = first;
		int iterations = 0;
		progress.accept(0);
		// at least one round: the start profile can balance the layers without solving anything
		do {
			if (cancelled.getAsBoolean()) throw new CancellationException("tortuosity cancelled");
			final int steps = Math.min(CHECK_EVERY, maxIterations - iterations);
			for (int i = 0; i < steps; i++) {
				relax(lattice, c, 0, omega);
				relax(lattice, c, 1, omega);
			}
			iterations += steps;
			balance = Balance.of(lattice, c);
			progress.accept(Math.min(fractionDone(first.spread, balance.spread, tolerance),
				fractionDone(first.residual, balance.residual, RESIDUAL_TOLERANCE)));
		}
		while (!balance.met(tolerance) && iterations < maxIterations);
		final double relative = balance.meanFlux * lattice.length / crossSection;
		progress.accept(1);
		return new TortuosityResult(phase, axis, fraction, relative, fraction / relative, iterations,
			balance.spread, balance.residual, balance.spread <= tolerance,
			balance.residual <= RESIDUAL_TOLERANCE);
	}

	/** Progress of one criterion from its first value towards its target, 0..1 on a log scale. */
	private static double fractionDone(final double first, final double now, final double target) {
		if (now <= target) return 1;
		final double done = Math.log(first / now) / Math.log(first / target);
		return Double.isFinite(done) ? Math.min(1, Math.max(0, done)) : 0;
	}

	/**
	 * Both convergence measures of a concentration field: the spread of the layer fluxes, and the
	 * largest net flux into one voxel, each relative to the mean layer flux.
	 */
	private record Balance(double meanFlux, double spread, double residual) {

		static Balance of(final DiffusionLattice lattice, final double[] c) {
			final double[] flux = layerFluxes(lattice, c);
			double min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY, sum = 0;
			for (final double f : flux) {
				min = Math.min(min, f);
				max = Math.max(max, f);
				sum += f;
			}
			final double mean = sum / flux.length;
			if (!(mean > 0)) return new Balance(mean, Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
			return new Balance(mean, (max - min) / mean, largestResidual(lattice, c) / mean);
		}

		boolean met(final double tolerance) {
			return spread <= tolerance && residual <= RESIDUAL_TOLERANCE;
		}
	}

	/** Largest |net flux into a voxel| (from its neighbours and reservoirs) over all voxels. */
	private static double largestResidual(final DiffusionLattice lattice, final double[] c) {
		final int sy = lattice.stride[1], sz = lattice.stride[2];
		double largest = 0;
		for (int colour = 0; colour < 2; colour++) {
			final int[] voxels = lattice.voxel[colour];
			final byte[] degree = lattice.degree[colour], source = lattice.source[colour];
			final int count = voxels.length;
			largest = Math.max(largest, IntStream.range(0, (count + CHUNK - 1) / CHUNK).parallel().mapToDouble(chunk -> {
				double m = 0;
				final int end = Math.min(count, (chunk + 1) * CHUNK);
				for (int k = chunk * CHUNK; k < end; k++) {
					final int g = voxels[k];
					final double in = c[g - 1] + c[g + 1] + c[g - sy] + c[g + sy] + c[g - sz] + c[g + sz] + source[k]
						- degree[k] * c[g];
					m = Math.max(m, Math.abs(in));
				}
				return m;
			}).max().orElse(0));
		}
		return largest;
	}

	/** The linear profile between the reservoirs, exact for straight channels. */
	private static double[] initialProfile(final DiffusionLattice lattice) {
		final double[] c = new double[lattice.paddedVoxels];
		for (int colour = 0; colour < 2; colour++) {
			for (final int g : lattice.voxel[colour]) c[g] = 0.5 - (lattice.layer(g) + 0.5) / lattice.length;
		}
		return c;
	}

	/** One over-relaxed Gauss-Seidel update of every voxel of one colour. */
	private static void relax(final DiffusionLattice lattice, final double[] c, final int colour,
		final double omega)
	{
		final int[] voxels = lattice.voxel[colour];
		final byte[] degree = lattice.degree[colour], source = lattice.source[colour];
		final int sy = lattice.stride[1], sz = lattice.stride[2];
		final int count = voxels.length;
		IntStream.range(0, (count + CHUNK - 1) / CHUNK).parallel().forEach(chunk -> {
			final int end = Math.min(count, (chunk + 1) * CHUNK);
			for (int k = chunk * CHUNK; k < end; k++) {
				final int g = voxels[k];
				final double sum = c[g - 1] + c[g + 1] + c[g - sy] + c[g + sy] + c[g - sz] + c[g + sz]
					+ source[k];
				c[g] += omega * (sum * INVERSE[degree[k]] - c[g]);
			}
		});
	}

	/**
	 * Flux through each of the length + 1 layers: from the first reservoir into the first slab of
	 * voxels, between consecutive slabs, and from the last slab into the second reservoir.
	 */
	private static double[] layerFluxes(final DiffusionLattice lattice, final double[] c) {
		final int length = lattice.length;
		final int forward = lattice.stride[lattice.axis];
		final double[] flux = new double[length + 1];
		for (int colour = 0; colour < 2; colour++) {
			final int[] voxels = lattice.voxel[colour];
			final int count = voxels.length;
			final double[][] partial = IntStream.range(0, (count + CHUNK - 1) / CHUNK).parallel().mapToObj(
				chunk -> {
					final double[] sums = new double[length + 1];
					final int end = Math.min(count, (chunk + 1) * CHUNK);
					for (int k = chunk * CHUNK; k < end; k++) {
						final int g = voxels[k];
						final int t = lattice.layer(g);
						if (lattice.conducting[g + forward]) sums[t + 1] += c[g] - c[g + forward];
						if (t == 0) sums[0] += 2 * (0.5 - c[g]);
						if (t == length - 1) sums[length] += 2 * (c[g] + 0.5);
					}
					return sums;
				}).toArray(double[][]::new);
			for (final double[] sums : partial) {
				for (int i = 0; i <= length; i++) flux[i] += sums[i];
			}
		}
		return flux;
	}
}
