package org.physgen.synth;

import java.util.Arrays;

import org.apache.commons.math3.special.Erf;
/**
 * The two-point correlation of a thresholded Gaussian field, exactly and without sampling. The
 * {@code gaussian_field} kind gives phase 1 the highest field values, phase 2 the next band and so
 * on, so phase p is the band {@code l_p < X ≤ u_p} between standard-normal quantiles of the
 * cumulative fractions, and two voxels whose field values have correlation ρ both lie in it with
 * probability {@code S2 = Φ2(u,u;ρ) − 2Φ2(l,u;ρ) + Φ2(l,l;ρ)}. ρ(r) is the covariance the field
 * generator really uses on each axis of the box (see {@link GaussianRandomField}).
 */
public final class GaussianFieldCorrelation {

	private final int[] sizes;
	private final boolean periodic;
	private final double[] fractions;
	private final double[] upper;
	private final double[] lower;

	/**
	 * @param fractions fractions of phases 1..P-1, as for {@link SyntheticSpec}
	 * @throws IllegalArgumentException (naming {@code fractions}) for invalid fractions
	 */
	public GaussianFieldCorrelation(final int sizeX, final int sizeY, final int sizeZ, final boolean periodic,
		final double[] fractions)
	{
		requireFractions(fractions);
		this.sizes = new int[] { sizeX, sizeY, sizeZ };
		this.periodic = periodic;
		this.fractions = fractions.clone();
		upper = new double[fractions.length];
		lower = new double[fractions.length];
		double above = 0;
		for (int p = 0; p < fractions.length; p++) {
			upper[p] = quantileAbove(above);
			above += fractions[p];
			lower[p] = quantileAbove(above);
		}
	}

	private static void requireFractions(final double[] fractions) {
		double sum = 0;
		for (final double f : fractions) {
			if (!(f > 0 && f < 1)) {
				throw new IllegalArgumentException("fractions " + Arrays.toString(fractions)
					+ ": each must lie strictly between 0 and 1");
			}
			sum += f;
		}
		if (fractions.length == 0 || !(sum < 1)) {
			throw new IllegalArgumentException("fractions " + Arrays.toString(fractions)
				+ ": give at least one, summing to less than 1");
		}
	}

	/** The value a standard normal exceeds with the given probability (+∞ for 0). */
	private static double quantileAbove(final double probability) {
		if (probability <= 0) return Double.POSITIVE_INFINITY;
		return -Math.sqrt(2) * Erf.erfInv(2 * probability - 1);
	}

	/**
	 * The normalised S2 {@code (S2(r) − φ²)/(φ − φ²)} of phases 1..P-1 along the axes of the box,
	 * averaged over the three axes, for r = 0..rMax voxels.
	 *
	 * @param correlationLength ℓ in voxels
	 * @return {@code [phase - 1][r]}
	 */
	public double[][] normalised(final double correlationLength, final int rMax) {
		final double[][] rho = new double[3][];
		for (int a = 0; a < 3; a++) {
			rho[a] = GaussianRandomField.axisCorrelation(sizes[a], correlationLength, periodic, rMax);
		}
		final double[][] curves = new double[fractions.length][rMax + 1];
		for (int p = 0; p < fractions.length; p++) {
			final double phi = fractions[p];
			curves[p][0] = 1;
			for (int r = 1; r <= rMax; r++) {
				double mean = 0;
				for (int a = 0; a < 3; a++) mean += bothInBand(p, rho[a][r]) / 3;
				curves[p][r] = (mean - phi * phi) / (phi - phi * phi);
			}
		}
		return curves;
	}

	private double bothInBand(final int p, final double rho) {
		final double u = upper[p], l = lower[p];
		final double top = u == Double.POSITIVE_INFINITY ? 1 : BivariateNormal.cdf(u, u, rho);
		return top - 2 * BivariateNormal.cdf(l, u, rho) + BivariateNormal.cdf(l, l, rho);
	}
}
