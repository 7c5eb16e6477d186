package org.physgen.ldsm;

import java.util.HashMap;
import java.util.Map;

import org.physgen.pfgm.VolumeShape;

/**
 * The exact score of one voxel whose data is +1 with probability φ and −1 otherwise, from a
 * finite-difference solution of the Fokker–Planck equation {@code ∂p/∂t = ∂/∂y(π ∂/∂y(p/π))} of
 * the forward SDE (its detailed-balance form, which conserves mass exactly) on a uniform grid of
 * [−4, 4], by implicit Euler steps of at most 2e-4. It starts at t_min from the linearised Gaussian
 * transitions of +1 and −1 (accurate to O(t_min²)) and records log p at the given times; the score
 * is the central difference of log p, interpolated linearly in y.
 */
final class FokkerPlanckScore implements Score {

	private static final double EDGE = 4;
	private static final int POINTS = 801;
	private static final double MAX_STEP = 2e-4;

	private final double dy = 2 * EDGE / (POINTS - 1);
	private final Map<Double, double[]> scores = new HashMap<>();

	/** @param times the times the sampler evaluates the score at, all at least {@code tMin} */
	FokkerPlanckScore(final DoubleWell well, final double phi, final double tMin, final double[] times) {
		final double[] pi = new double[POINTS];
		final double[] p = new double[POINTS];
		for (int i = 0; i < POINTS; i++) {
			final double y = -EDGE + i * dy;
			pi[i] = Math.exp(-well.potential(y));
			p[i] = phi * gaussian(well, 1, tMin, y) + (1 - phi) * gaussian(well, -1, tMin, y);
		}
		final double[] face = new double[POINTS - 1];
		for (int i = 0; i < face.length; i++) face[i] = Math.sqrt(pi[i] * pi[i + 1]);
		final double[] g = new double[POINTS];
		for (int i = 0; i < POINTS; i++) g[i] = p[i] / pi[i];
		final double[] sorted = times.clone();
		java.util.Arrays.sort(sorted);
		double t = tMin;
		for (final double target : sorted) {
			final int steps = (int) Math.ceil((target - t) / MAX_STEP - 1e-12);
			for (int k = 0; k < steps; k++) implicitStep(pi, face, g, (target - t) / steps);
			t = target;
			final double[] score = new double[POINTS];
			for (int i = 0; i < POINTS; i++) {
				final int lo = Math.max(0, i - 1), hi = Math.min(POINTS - 1, i + 1);
				score[i] = (logDensity(pi, g, hi) - logDensity(pi, g, lo)) / ((hi - lo) * dy);
			}
			scores.put(target, score);
		}
	}

	@Override
	public void evaluate(final VolumeShape shape, final float[][] y, final double t, final float[][] score) {
		final double[] table = scores.get(t);
		if (table == null) throw new IllegalArgumentException("no solution recorded at t = " + t);
		for (int b = 0; b < y.length; b++) {
			for (int k = 0; k < y[b].length; k++) {
				final double position = Math.max(0, Math.min(POINTS - 1.000001, (y[b][k] + EDGE) / dy));
				final int i = (int) position;
				final double w = position - i;
				score[b][k] = (float) ((1 - w) * table[i] + w * table[i + 1]);
			}
		}
	}

	private static double logDensity(final double[] pi, final double[] g, final int i) {
		return Math.log(Math.max(pi[i] * g[i], 1e-300));
	}

	/** Solves (π − dt·A) g' = π g, A the tridiagonal flux operator with no flux through the ends. */
	private void implicitStep(final double[] pi, final double[] face, final double[] g, final double dt) {
		final double k = dt / (dy * dy);
		final int n = POINTS;
		final double[] lower = new double[n], diagonal = new double[n], upper = new double[n], rhs = new double[n];
		for (int i = 0; i < n; i++) {
			diagonal[i] = pi[i] + (i > 0 ? k * face[i - 1] : 0) + (i < n - 1 ? k * face[i] : 0);
			if (i > 0) lower[i] = -k * face[i - 1];
			if (i < n - 1) upper[i] = -k * face[i];
			rhs[i] = pi[i] * g[i];
		}
		for (int i = 1; i < n; i++) {
			final double m = lower[i] / diagonal[i - 1];
			diagonal[i] -= m * upper[i - 1];
			rhs[i] -= m * rhs[i - 1];
		}
		g[n - 1] = rhs[n - 1] / diagonal[n - 1];
		for (int i = n - 2; i >= 0; i--) g[i] = (rhs[i] - upper[i] * g[i + 1]) / diagonal[i];
	}

	/** The linearised transition density from y₀ over t. */
	private static double gaussian(final DoubleWell well, final double y0, final double t, final double y) {
		final double m = LinearisedStep.mean(well, y0, t), v = LinearisedStep.variance(well, y0, t);
		return Math.exp(-(y - m) * (y - m) / (2 * v)) / Math.sqrt(2 * Math.PI * v);
	}
}
