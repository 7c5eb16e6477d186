package org.physgen.yukawa;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jtransforms.fft.DoubleFFT_3D;
import org.junit.jupiter.api.Test;
import org.physgen.dsd.Grid;
import org.physgen.dsd.KernelBlur;
import org.physgen.lattice.Boundary;

/**
 * SPEC 13 oracle 1: with a constant hazard μ, {@code S = e^(−μt)}, the time integral of the
 * propagator {@code G_t(x | x0) = S(t) p_t(x | x0)} is the lattice Green's function of
 * {@code −rΔ + μ}, whose Fourier symbol is {@code 1 / (r λ(k) + μ)} with
 * {@code λ(k) = sum_a 4 sin²(π k_a / L)}: the screened (Yukawa) potential on the lattice.
 */
class YukawaGreenFunctionTest {

	@Test
	void integratedPropagatorIsTheScreenedGreenFunction() {
		final int size = 6;
		final double rate = 1.5;
		final double mu = 0.8;
		final Grid grid = new Grid(size, size, size, Boundary.PERIODIC);
		final double[] source = new double[grid.voxels()];
		source[0] = 1;
		// Simpson's rule over t in [0, 40/μ], where e^(−μt) has fallen below 1e-17
		final double dt = 0.005;
		final int steps = 2 * (int) Math.ceil(20 / mu / dt);
		final double[] integral = new double[grid.voxels()];
		for (int k = 0; k <= steps; k++) {
			final double t = k * dt;
			final double w = (k == 0 || k == steps ? 1 : k % 2 == 1 ? 4 : 2) * dt / 3 * Math.exp(-mu * t);
			final double[] propagated = KernelBlur.apply(grid, rate * t, source);
			for (int v = 0; v < integral.length; v++) integral[v] += w * propagated[v];
		}
		final double[] green = greenByFft(size, rate, mu);
		for (int v = 0; v < integral.length; v++) {
			assertEquals(green[v], integral[v], 1e-6 * green[0], "voxel " + v);
		}
		double total = 0;
		for (final double g : green) total += g;
		assertEquals(1 / mu, total, 1e-12, "the k = 0 mode decays at μ alone");
	}

	/** {@code (−rΔ + μ)^(−1)} applied to a unit source at voxel 0, by an inverse 3D FFT of its symbol. */
	private static double[] greenByFft(final int size, final double rate, final double mu) {
		final double[][][] spectrum = new double[size][size][2 * size];
		for (int kz = 0; kz < size; kz++) {
			for (int ky = 0; ky < size; ky++) {
				for (int kx = 0; kx < size; kx++) {
					final double lambda = 4 * (sq(Math.sin(Math.PI * kx / size)) + sq(Math.sin(Math.PI * ky / size)) +
						sq(Math.sin(Math.PI * kz / size)));
					spectrum[kz][ky][2 * kx] = 1 / (rate * lambda + mu);
				}
			}
		}
		new DoubleFFT_3D(size, size, size).complexInverse(spectrum, true);
		final double[] green = new double[size * size * size];
		for (int z = 0; z < size; z++) {
			for (int y = 0; y < size; y++) {
				for (int x = 0; x < size; x++) green[x + size * (y + size * z)] = spectrum[z][y][2 * x];
			}
		}
		return green;
	}

	private static double sq(final double x) {
		return x * x;
	}
}
