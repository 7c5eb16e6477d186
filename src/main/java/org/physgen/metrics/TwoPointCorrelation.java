package org.physgen.metrics;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.jtransforms.fft.DoubleFFT_3D;
import org.physgen.volume.LabelVolume;

/**
 * Two-point correlation S2 of one phase: the probability that two points a given vector apart both lie
 * in the phase. Axes are numbered 0 = x (column), 1 = y (row), 2 = z (slice).
 */
public final class TwoPointCorrelation {

	private TwoPointCorrelation() {}

	/**
	 * Directional, non-periodic S2: {@code S2_a(r) = Σ I(x) I(x + r e_a) / #pairs}, summed over the
	 * pairs with both ends inside the volume ({@code #pairs = (L_a - r) × the other two sizes}), for
	 * r = 0..rMax along each axis.
	 *
	 * @param hits pairs with both ends in the phase, {@code hits[axis][r]}
	 * @param pairs pairs with both ends inside the volume, {@code pairs[axis][r]}
	 */
	public record Directional(int phase, long[][] hits, long[][] pairs) {

		public double value(final int axis, final int r) {
			return hits[axis][r] / (double) pairs[axis][r];
		}

		/** S2 along the axis for r = 0..rMax. */
		public double[] curve(final int axis) {
			final double[] curve = new double[hits[axis].length];
			for (int r = 0; r < curve.length; r++) curve[r] = value(axis, r);
			return curve;
		}

		public int rMax() {
			return hits[0].length - 1;
		}

		/**
		 * The axis mean of S2(r) scaled between its uncorrelated and its r = 0 value,
		 * {@code (S2(r) − φ²)/(φ − φ²)} with φ = S2(0), the phase fraction (SPEC §14): 1 for a phase
		 * that is still there r voxels on, about 0 for independent voxels. NaN when the phase fills
		 * all or none of the volume.
		 */
		public double normalised(final int r) {
			final double phi = value(0, 0);
			double mean = 0;
			for (int axis = 0; axis < 3; axis++) mean += value(axis, r) / 3;
			return (mean - phi * phi) / (phi - phi * phi);
		}

		public static String definition() {
			return "S2_a(r) = sum I(x) I(x + r e_a) / #pairs, non-periodic: pairs with both ends inside the"
				+ " volume; a = x, y, z";
		}
	}

	/**
	 * Radial S2 from the FFT autocorrelation of the phase indicator, averaged over the shells of shift
	 * vectors d with {@code round(|d|) = r}. Periodic: {@code S2(d) = Σ_x I(x) I(x + d mod L) / N} with
	 * shifts taken as minimum images and every shift of a shell weighted equally. Zero-padded
	 * (non-periodic): {@code S2(r) = Σ_shell Σ I(x) I(x + d) / Σ_shell #pairs(d)} over the pairs with
	 * both ends inside the volume.
	 *
	 * @param values S2 for r = 0..rMax
	 * @param shifts shift vectors in each shell
	 */
	public record Radial(int phase, boolean periodic, double[] values, long[] shifts) {

		public String definition() {
			return periodic
				? "radial S2, periodic: FFT autocorrelation of the indicator / N, mean over shifts d with"
					+ " round(|d|) = r (minimum image)"
				: "radial S2, non-periodic: zero-padded FFT autocorrelation, sum over shifts d with"
					+ " round(|d|) = r divided by the number of pairs inside the volume";
		}
	}

	public static Directional directional(final LabelVolume volume, final int phase, final int rMax) {
		final int[] sizes = { volume.sizeX(), volume.sizeY(), volume.sizeZ() };
		if (rMax < 0 || rMax >= Math.min(sizes[0], Math.min(sizes[1], sizes[2]))) {
			throw new IllegalArgumentException("rMax must be in 0..(smallest volume size - 1), got " + rMax
				+ " for a " + sizes[0] + " x " + sizes[1] + " x " + sizes[2] + " volume");
		}
		final int sizeY = sizes[1];
		final int words = (sizes[0] + 63) / 64;
		final long[][] bits = packedRows(volume, phase, words);
		final long[][] hits = IntStream.range(0, sizes[2]).parallel().mapToObj(z -> {
			final long[][] slab = new long[3][rMax + 1];
			final long[] b = bits[z];
			for (int r = 0; r <= rMax; r++) {
				final int q = r / 64;
				final int s = r % 64;
				long x = 0;
				for (int row = 0; row < b.length; row += words) {
					for (int w = 0; w + q < words; w++) {
						// the bits of x + r moved to position x
						long shifted = b[row + w + q] >>> s;
						if (s != 0 && w + q + 1 < words) shifted |= b[row + w + q + 1] << (64 - s);
						x += Long.bitCount(b[row + w] & shifted);
					}
				}
				slab[0][r] = x;
				long y = 0;
				final int offset = r * words;
				for (int i = 0; i < (sizeY - r) * words; i++) y += Long.bitCount(b[i] & b[i + offset]);
				slab[1][r] = y;
				if (z + r < bits.length) {
					final long[] above = bits[z + r];
					long along = 0;
					for (int i = 0; i < b.length; i++) along += Long.bitCount(b[i] & above[i]);
					slab[2][r] = along;
				}
			}
			return slab;
		}).reduce(new long[3][rMax + 1], TwoPointCorrelation::sum);
		final long[][] pairs = new long[3][rMax + 1];
		final long voxels = volume.voxelCount();
		for (int a = 0; a < 3; a++) {
			for (int r = 0; r <= rMax; r++) pairs[a][r] = voxels / sizes[a] * (sizes[a] - r);
		}
		return new Directional(phase, hits, pairs);
	}

	public static Radial radialPeriodic(final LabelVolume volume, final int phase, final int rMax) {
		return radial(volume, phase, rMax, true, p -> {}, () -> false);
	}

	public static Radial radialZeroPadded(final LabelVolume volume, final int phase, final int rMax) {
		return radial(volume, phase, rMax, false, p -> {}, () -> false);
	}

	/**
	 * Radial S2 by FFT, periodic or zero-padded (padded to at least {@code L + rMax} per axis, which
	 * keeps every shift up to rMax free of wrap-around). Reports progress in [0, 1]; throws
	 * {@link CancellationException} when {@code cancelled} turns true between stages.
	 */
	public static Radial radial(final LabelVolume volume, final int phase, final int rMax,
		final boolean periodic, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final int[] sizes = { volume.sizeX(), volume.sizeY(), volume.sizeZ() };
		final int[] grid = new int[3];
		for (int a = 0; a < 3; a++) {
			if (rMax < 0 || (periodic ? 2 * rMax > sizes[a] : rMax >= sizes[a])) {
				throw new IllegalArgumentException("rMax must be in 0.." + (periodic ? "L/2 for periodic"
					: "L-1 for zero-padded") + " S2, got " + rMax + " for size " + sizes[a]);
			}
			grid[a] = periodic ? sizes[a] : smoothLength(sizes[a] + rMax);
		}
		final int gx = grid[0];
		final int gy = grid[1];
		final int gz = grid[2];
		final long cells = (long) gx * gy * gz;
		if (2 * cells > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("FFT grid " + gx + " x " + gy + " x " + gz
				+ " is too large for one array");
		}
		// real input in the first half, full complex spectrum out
		final double[] a = new double[(int) (2 * cells)];
		IntStream.range(0, sizes[2]).parallel().forEach(z -> {
			final byte[] slice = volume.slice(z);
			for (int y = 0; y < sizes[1]; y++) {
				for (int x = 0; x < sizes[0]; x++) {
					if ((slice[x + y * sizes[0]] & 0xff) == phase) a[(z * gy + y) * gx + x] = 1;
				}
			}
		});
		step(progress, cancelled, 0.1);
		final DoubleFFT_3D fft = new DoubleFFT_3D(gz, gy, gx);
		fft.realForwardFull(a);
		step(progress, cancelled, 0.45);
		// the power spectrum is real and even, so its forward transform is N times the inverse one
		for (int i = 0; i < cells; i++) a[i] = a[2 * i] * a[2 * i] + a[2 * i + 1] * a[2 * i + 1];
		step(progress, cancelled, 0.5);
		fft.realForwardFull(a);
		step(progress, cancelled, 0.9);
		final double[] correlation = new double[rMax + 1];
		final double[] pairs = new double[rMax + 1];
		final long[] shifts = new long[rMax + 1];
		final double voxels = volume.voxelCount();
		for (int z = 0; z < gz; z++) {
			final int dz = minimumImage(z, gz);
			if (Math.abs(dz) > rMax) continue;
			for (int y = 0; y < gy; y++) {
				final int dy = minimumImage(y, gy);
				if (Math.abs(dy) > rMax) continue;
				for (int x = 0; x < gx; x++) {
					final int dx = minimumImage(x, gx);
					final long r = Math.round(Math.sqrt((double) dx * dx + (double) dy * dy + (double) dz * dz));
					if (r > rMax) continue;
					final int shell = (int) r;
					correlation[shell] += a[2 * ((z * gy + y) * gx + x)] / cells;
					pairs[shell] += periodic ? voxels
						: (double) (sizes[0] - Math.abs(dx)) * (sizes[1] - Math.abs(dy)) * (sizes[2] - Math.abs(dz));
					shifts[shell]++;
				}
			}
		}
		final double[] values = new double[rMax + 1];
		for (int r = 0; r <= rMax; r++) values[r] = correlation[r] / pairs[r];
		progress.accept(1);
		return new Radial(phase, periodic, values, shifts);
	}

	/** The smallest length ≥ n whose prime factors are 2, 3 and 5 (fast FFT lengths). */
	static int smoothLength(final int n) {
		for (int m = Math.max(n, 1);; m++) {
			int rest = m;
			for (final int f : new int[] { 2, 3, 5 }) {
				while (rest % f == 0) rest /= f;
			}
			if (rest == 1) return m;
		}
	}

	private static int minimumImage(final int index, final int length) {
		return index <= length / 2 ? index : index - length;
	}

	private static void step(final DoubleConsumer progress, final BooleanSupplier cancelled,
		final double done)
	{
		if (cancelled.getAsBoolean()) throw new CancellationException("two-point correlation cancelled");
		progress.accept(done);
	}

	/** The phase indicator of each slice, one bit per voxel, each row y starting a new word. */
	private static long[][] packedRows(final LabelVolume volume, final int phase, final int words) {
		final int sizeX = volume.sizeX();
		final long[][] bits = new long[volume.sizeZ()][];
		IntStream.range(0, bits.length).parallel().forEach(z -> {
			final byte[] slice = volume.slice(z);
			final long[] b = new long[volume.sizeY() * words];
			for (int y = 0; y < volume.sizeY(); y++) {
				for (int x = 0; x < sizeX; x++) {
					if ((slice[x + y * sizeX] & 0xff) == phase) b[y * words + (x >> 6)] |= 1L << (x & 63);
				}
			}
			bits[z] = b;
		});
		return bits;
	}

	private static long[][] sum(final long[][] a, final long[][] b) {
		final long[][] s = new long[a.length][];
		for (int i = 0; i < a.length; i++) {
			s[i] = a[i].clone();
			for (int j = 0; j < s[i].length; j++) s[i][j] += b[i][j];
		}
		return s;
	}
}
