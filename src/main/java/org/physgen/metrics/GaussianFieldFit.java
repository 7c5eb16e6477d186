package org.physgen.metrics;

import java.util.Arrays;

import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.physgen.mass.PhaseCounts;
import org.physgen.synth.GaussianFieldCorrelation;
import org.physgen.volume.LabelVolume;

/**
 * The thresholded Gaussian field closest to a reference volume: its phase fractions, and the
 * correlation length ℓ (voxels) that minimises {@code Σ_p Σ_r (ŝ_field(r) − ŝ_ref(r))²} over phases
 * 1..P-1 and r = 1..R, ŝ being the axis-mean normalised S2 {@code (S2(r) − φ²)/(φ − φ²)} (SPEC §14)
 * and R a quarter of the smallest edge of the reference and the box to generate. The field's S2 is
 * exact ({@link GaussianFieldCorrelation}); ℓ is searched on log ℓ, first on a grid, then by Brent's
 * method around the best grid point.
 *
 * @param correlationLength fitted ℓ in voxels
 * @param residual root mean square of the normalised S2 differences at the fitted ℓ
 * @param fractions fractions of phases 1..P-1 used for the field
 * @param rMax R, the largest lag fitted (voxels)
 */
public record GaussianFieldFit(double correlationLength, double residual, double[] fractions, int rMax) {

	/** Smallest ℓ searched (voxels): below it the field is nearly white noise on the lattice. */
	private static final double SHORTEST = 0.25;
	private static final int GRID = 24;

	public GaussianFieldFit {
		fractions = fractions.clone();
	}

	@Override
	public double[] fractions() {
		return fractions.clone();
	}

	/**
	 * @param parameter the name the reference was given by, for messages
	 * @param fractions fractions of phases 1..P-1 for the field, or null for the reference's own
	 *          (its exact counts over its voxel count)
	 * @throws IllegalArgumentException naming {@code parameter} for a reference with an empty phase
	 *           or an edge under 4 voxels, and naming {@code fractions} when they give another phase
	 *           count
	 */
	public static GaussianFieldFit fit(final String parameter, final LabelVolume reference, final int sizeX,
		final int sizeY, final int sizeZ, final boolean periodic, final double[] fractions)
	{
		final double[] target = targetFractions(parameter, reference, fractions);
		final int smallest = Math.min(Math.min(Math.min(reference.sizeX(), reference.sizeY()), reference.sizeZ()),
			Math.min(Math.min(sizeX, sizeY), sizeZ));
		final int rMax = smallest / 4;
		if (rMax < 1) {
			throw new IllegalArgumentException(parameter + ": fitting a correlation length needs every edge of the"
				+ " reference and of the volume to generate at least 4 voxels long, the smallest is " + smallest);
		}
		final double[][] wanted = new double[target.length][];
		for (int p = 1; p <= target.length; p++) {
			final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(reference, p, rMax);
			wanted[p - 1] = new double[rMax + 1];
			for (int r = 1; r <= rMax; r++) wanted[p - 1][r] = s2.normalised(r);
		}
		final GaussianFieldCorrelation field = new GaussianFieldCorrelation(sizeX, sizeY, sizeZ, periodic, target);
		final UnivariateObjectiveFunction misfit = new UnivariateObjectiveFunction(
			logLength -> squaredMisfit(field.normalised(Math.exp(logLength), rMax), wanted));
		final double low = Math.log(SHORTEST), high = Math.log(smallest);
		final double step = (high - low) / (GRID - 1);
		int best = 0;
		double bestValue = Double.POSITIVE_INFINITY;
		for (int i = 0; i < GRID; i++) {
			final double value = misfit.getObjectiveFunction().value(low + i * step);
			if (value < bestValue) {
				bestValue = value;
				best = i;
			}
		}
		final double from = low + Math.max(0, best - 1) * step, to = low + Math.min(GRID - 1, best + 1) * step;
		final double logLength = new BrentOptimizer(1e-8, 1e-10).optimize(new MaxEval(200), misfit,
			GoalType.MINIMIZE, new SearchInterval(from, to, low + best * step)).getPoint();
		final double length = Math.exp(logLength);
		final double residual = Math.sqrt(squaredMisfit(field.normalised(length, rMax), wanted)
			/ (target.length * rMax));
		return new GaussianFieldFit(length, residual, target, rMax);
	}

	private static double[] targetFractions(final String parameter, final LabelVolume reference,
		final double[] fractions)
	{
		final int phases = reference.phases().phaseCount();
		final long[] counts = reference.phaseCounts();
		for (int p = 0; p < phases; p++) {
			if (counts[p] == 0) {
				throw new IllegalArgumentException(parameter + ": phase " + p + " (" + reference.phases().name(p)
					+ ") has no voxels, so its correlation cannot be fitted");
			}
		}
		if (fractions == null) return PhaseCounts.fractions(counts);
		if (fractions.length != phases - 1) {
			throw new IllegalArgumentException("fractions " + Arrays.toString(fractions) + " describe "
				+ (fractions.length + 1) + " phases, but the reference (" + parameter + ") has " + phases);
		}
		return fractions;
	}

	private static double squaredMisfit(final double[][] field, final double[][] wanted) {
		double sum = 0;
		for (int p = 0; p < wanted.length; p++) {
			for (int r = 1; r < wanted[p].length; r++) {
				final double d = field[p][r] - wanted[p][r];
				sum += d * d;
			}
		}
		return sum;
	}
}
