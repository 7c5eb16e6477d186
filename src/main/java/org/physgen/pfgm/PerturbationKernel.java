package org.physgen.pfgm;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.physgen.random.RandomStreams;

/**
 * The PFGM++ perturbation kernel in N = channels x voxels dimensions with D augmented dimensions,
 * p(x | y) proportional to (|x - y|^2 + r^2)^(-(N + D) / 2) with r = sigma sqrt(D), and its limit
 * D = infinity, the Gaussian kernel of EDM with standard deviation sigma per value.
 *
 * <p>A draw is x = y + R u with u uniform on the unit sphere (a normalised Gaussian vector) and
 * R^2 = r^2 G_N / G_D, G_N ~ Gamma(N/2), G_D ~ Gamma(D/2), in double precision and unclipped, so
 * R^2 / (R^2 + r^2) ~ Beta(N/2, D/2) for every D > 0 (Xu et al. 2023, "PFGM++", section 3). For
 * D > 2, E[R^2] = r^2 N / (D - 2); for D &lt;= 2 (D = 1 is the original PFGM) the radius has no
 * finite second moment: its heavy tail puts a few draws far beyond the data, which the double
 * precision radius and float32 voxels hold without overflow. For D = infinity, R^2 = 2 sigma^2 G_N
 * (a chi distribution with N degrees of freedom), which makes x - y Gaussian.</p>
 */
public final class PerturbationKernel {

	/** Key of the stream that draws a sample's radius; the direction's blocks use keys 0, 1, 2, ... */
	private static final long RADIUS_STREAM = -1;

	private final double d;

	private PerturbationKernel(final double d) {
		this.d = d;
	}

	/** The PFGM++ kernel with D augmented dimensions (D >= 1; D = 1 is PFGM), or the Gaussian for D = infinity. */
	public static PerturbationKernel of(final double augmentedDimensions) {
		if (!(augmentedDimensions >= 1)) {
			throw new IllegalArgumentException("D = " + augmentedDimensions
				+ " augmented dimensions: PFGM++ needs D >= 1 (D = 1 is PFGM; infinity is the Gaussian kernel)");
		}
		return new PerturbationKernel(augmentedDimensions);
	}

	public static PerturbationKernel gaussian() {
		return new PerturbationKernel(Double.POSITIVE_INFINITY);
	}

	/** D, positive infinity for the Gaussian kernel. */
	public double augmentedDimensions() {
		return d;
	}

	public boolean isGaussian() {
		return d == Double.POSITIVE_INFINITY;
	}

	/** r = sigma sqrt(D); only defined for finite D. */
	public double radiusScale(final double sigma) {
		if (isGaussian()) throw new IllegalStateException("the Gaussian kernel has no finite r");
		return sigma * Math.sqrt(d);
	}

	/** A draw of the perturbation radius R = |x - y| in n dimensions at noise level sigma. */
	public double sampleRadius(final long n, final double sigma, final UniformRandomProvider rng) {
		final double gammaN = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * n, 1).sample();
		if (isGaussian()) return sigma * Math.sqrt(2 * gammaN);
		final double gammaD = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 0.5 * d, 1).sample();
		return radiusScale(sigma) * Math.sqrt(gammaN / gammaD);
	}

	/**
	 * log p(x | y) up to a constant that depends on neither x nor y, for |x - y|^2 =
	 * {@code squaredDistance} in n dimensions.
	 */
	public double logDensity(final double squaredDistance, final long n, final double sigma) {
		if (isGaussian()) return -squaredDistance / (2 * sigma * sigma);
		final double r = radiusScale(sigma);
		return -0.5 * (n + d) * Math.log(squaredDistance + r * r);
	}

	/** A perturbed copy of {@code clean}: sample {@code item} of the batch drawn with {@code seed}. */
	public float[] perturb(final float[] clean, final double sigma, final long seed, final long item) {
		final float[] x = clean.clone();
		addNoise(x, sigma, seed, item);
		return x;
	}

	/** The prior: a draw of the kernel at level sigma (sigma_max when sampling) around 0. */
	public float[] prior(final int length, final double sigma, final long seed, final long item) {
		final float[] x = new float[length];
		addNoise(x, sigma, seed, item);
		return x;
	}

	/**
	 * Adds a kernel draw at level sigma to x in place. Streams are keyed by (seed, item), so each
	 * sample of a batch is independent and the result does not depend on the thread count.
	 *
	 * @return the radius R that was added
	 */
	public double addNoise(final float[] x, final double sigma, final long seed, final long item) {
		if (!(sigma > 0) || Double.isInfinite(sigma)) {
			throw new IllegalArgumentException("noise level sigma = " + sigma + " must be positive");
		}
		final double radius = sampleRadius(x.length, sigma, RandomStreams.of(seed, item, RADIUS_STREAM));
		final float[] direction = new float[x.length];
		final double[] squares = new double[Blocks.count(x.length)];
		Blocks.forEach(1, x.length, (unused, block, from, to) -> {
			final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
				RandomStreams.of(seed, item, block));
			double s = 0;
			for (int k = from; k < to; k++) {
				final float g = (float) gauss.sample();
				direction[k] = g;
				s += (double) g * g;
			}
			squares[block] = s;
		});
		double norm2 = 0;
		for (final double s : squares) norm2 += s;
		final double scale = radius / Math.sqrt(norm2);
		Blocks.forEach(1, x.length, (unused, block, from, to) -> {
			for (int k = from; k < to; k++) x[k] += (float) (scale * direction[k]);
		});
		return radius;
	}

	@Override
	public String toString() {
		return isGaussian() ? "Gaussian kernel (D = infinity)" : "PFGM++ kernel, D = " + d;
	}
}
