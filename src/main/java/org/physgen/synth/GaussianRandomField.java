package org.physgen.synth;

import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.jtransforms.fft.FloatFFT_3D;
import org.physgen.random.RandomStreams;

/**
 * Stationary Gaussian random fields with covariance {@code exp(-r² / (2 ℓ²))}, ℓ being the
 * correlation length in voxels, made by filtering white noise in Fourier space. One complex FFT
 * yields two independent fields (the real and imaginary parts), since the filter is real and even.
 * Periodic fields wrap around every face; non-periodic ones are cut from a box padded by 3ℓ, so
 * opposite faces are uncorrelated.
 */
final class GaussianRandomField {

	private final int sizeX;
	private final int sizeY;
	private final int sizeZ;
	private final double correlationLength;
	private final boolean periodic;

	GaussianRandomField(final int sizeX, final int sizeY, final int sizeZ,
		final double correlationLength, final boolean periodic)
	{
		if (!(correlationLength > 0) || Double.isInfinite(correlationLength)) {
			throw new IllegalArgumentException("correlation_length must be a positive number of voxels, got "
				+ correlationLength);
		}
		this.sizeX = sizeX;
		this.sizeY = sizeY;
		this.sizeZ = sizeZ;
		this.correlationLength = correlationLength;
		this.periodic = periodic;
	}

	/** Two independent fields, each as one float[] per z slice (index x + y * sizeX). */
	float[][][] samplePair(final long seed) {
		final int pad = periodic ? 0 : (int) Math.ceil(3 * correlationLength);
		final int nx = paddedSize(sizeX, pad), ny = paddedSize(sizeY, pad), nz = paddedSize(sizeZ, pad);
		final float[][][] spectrum = new float[nz][ny][2 * nx];
		IntStream.range(0, nz).parallel().forEach(z -> fillWhiteNoise(spectrum[z], seed, z));
		final FloatFFT_3D fft = new FloatFFT_3D(nz, ny, nx);
		fft.complexForward(spectrum);
		final double[] fx = amplitudes(nx), fy = amplitudes(ny), fz = amplitudes(nz);
		IntStream.range(0, nz).parallel().forEach(z -> {
			for (int y = 0; y < ny; y++) {
				final float[] row = spectrum[z][y];
				final double ayz = fz[z] * fy[y];
				for (int x = 0; x < nx; x++) {
					final float a = (float) (ayz * fx[x]);
					row[2 * x] *= a;
					row[2 * x + 1] *= a;
				}
			}
		});
		fft.complexInverse(spectrum, false);
		final float[][][] fields = new float[2][sizeZ][sizeX * sizeY];
		IntStream.range(0, sizeZ).parallel().forEach(z -> {
			for (int y = 0; y < sizeY; y++) {
				final float[] row = spectrum[z][y];
				for (int x = 0; x < sizeX; x++) {
					fields[0][z][x + y * sizeX] = row[2 * x];
					fields[1][z][x + y * sizeX] = row[2 * x + 1];
				}
			}
			spectrum[z] = null;
		});
		return fields;
	}

	/**
	 * Correlation of the generated field between two voxels r apart along an axis of the given size,
	 * for r = 0..rMax: the discrete Fourier sum of the power spectrum actually used on the (padded)
	 * axis, {@code Σ_k exp(-ℓ²k²/2) cos(k r) / Σ_k exp(-ℓ²k²/2)}. It is the Gaussian exp(-r²/(2ℓ²))
	 * up to the lattice's cut-off of k and, for a periodic axis, the images of the box.
	 */
	static double[] axisCorrelation(final int size, final double correlationLength, final boolean periodic,
		final int rMax)
	{
		final int n = paddedSize(size, periodic ? 0 : (int) Math.ceil(3 * correlationLength));
		final double[] power = new double[n];
		double total = 0;
		for (int m = 0; m < n; m++) {
			final double k = wavenumber(m, n);
			power[m] = Math.exp(-correlationLength * correlationLength * k * k / 2);
			total += power[m];
		}
		final double[] correlation = new double[rMax + 1];
		for (int r = 0; r <= rMax; r++) {
			double sum = 0;
			for (int m = 0; m < n; m++) sum += power[m] * Math.cos(wavenumber(m, n) * r);
			correlation[r] = sum / total;
		}
		return correlation;
	}

	private static double wavenumber(final int m, final int n) {
		return 2 * Math.PI * (m <= n / 2 ? m : m - n) / n;
	}

	/**
	 * A non-periodic axis is padded to at least size + pad voxels, rounded up to a product of 2, 3, 5
	 * and 7: other lengths (268 = 4 x 67, say) make the FFT an order of magnitude slower.
	 */
	static int paddedSize(final int size, final int pad) {
		if (pad == 0) return size;
		int n = size + pad;
		while (!isSmooth(n)) n++;
		return n;
	}

	private static boolean isSmooth(int n) {
		for (final int p : new int[] { 2, 3, 5, 7 }) {
			while (n % p == 0) n /= p;
		}
		return n == 1;
	}

	float[][] sample(final long seed) {
		return samplePair(seed)[0];
	}

	private static void fillWhiteNoise(final float[][] plane, final long seed, final int z) {
		final UniformRandomProvider rng = RandomStreams.of(seed, z);
		final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(rng);
		for (final float[] row : plane) {
			for (int i = 0; i < row.length; i++) row[i] = (float) gauss.sample();
		}
	}

	/**
	 * Square root of the Gaussian power spectrum, exp(-ℓ² k² / 4), along one axis of length n; the
	 * 3D filter is the product over axes.
	 */
	private double[] amplitudes(final int n) {
		final double[] a = new double[n];
		for (int m = 0; m < n; m++) {
			final double k = wavenumber(m, n);
			a[m] = Math.exp(-correlationLength * correlationLength * k * k / 4);
		}
		return a;
	}
}
