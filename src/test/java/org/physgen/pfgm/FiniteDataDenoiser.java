package org.physgen.pfgm;

/**
 * The exact denoiser of a finite data set {y_j} under a perturbation kernel: D(x, sigma) =
 * sum_j w_j y_j with posterior weights w_j proportional to p_sigma(x | y_j), computed in log space
 * (for the PFGM++ kernel, log w_j = -(N + D)/2 ln(|x - y_j|^2 + r^2) + const). The sampler driven by
 * it must end on a data point, which makes it the test oracle for checking samplers without a
 * network.
 */
public final class FiniteDataDenoiser implements Denoiser {

	private final PerturbationKernel kernel;
	private final float[][] data;

	/** @param data the data points, each in the layout of the shapes it will be asked about */
	public FiniteDataDenoiser(final PerturbationKernel kernel, final float[][] data) {
		if (data.length == 0) throw new IllegalArgumentException("the data set is empty");
		for (final float[] y : data) {
			if (y.length != data[0].length) {
				throw new IllegalArgumentException("data points have different lengths: " + y.length
					+ " and " + data[0].length);
			}
		}
		this.kernel = kernel;
		this.data = data.clone();
	}

	@Override
	public void denoise(final VolumeShape shape, final float[][] noisy, final double[] sigma,
		final float[][] denoised)
	{
		for (int b = 0; b < noisy.length; b++) {
			final double[] weights = posteriorWeights(noisy[b], sigma[b]);
			final float[] out = denoised[b];
			for (int k = 0; k < out.length; k++) {
				double sum = 0;
				for (int j = 0; j < data.length; j++) sum += weights[j] * data[j][k];
				out[k] = (float) sum;
			}
		}
	}

	/** Normalised posterior weights of the data points given x at noise level sigma. */
	public double[] posteriorWeights(final float[] x, final double sigma) {
		if (x.length != data[0].length) {
			throw new IllegalArgumentException("sample has " + x.length + " values, the data points "
				+ data[0].length);
		}
		final double[] logWeights = new double[data.length];
		double max = Double.NEGATIVE_INFINITY;
		for (int j = 0; j < data.length; j++) {
			double squared = 0;
			final float[] y = data[j];
			for (int k = 0; k < y.length; k++) {
				final double diff = (double) x[k] - y[k];
				squared += diff * diff;
			}
			logWeights[j] = kernel.logDensity(squared, x.length, sigma);
			max = Math.max(max, logWeights[j]);
		}
		double total = 0;
		for (int j = 0; j < data.length; j++) {
			logWeights[j] = Math.exp(logWeights[j] - max);
			total += logWeights[j];
		}
		for (int j = 0; j < data.length; j++) logWeights[j] /= total;
		return logWeights;
	}
}
