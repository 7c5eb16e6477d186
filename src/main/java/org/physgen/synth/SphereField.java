package org.physgen.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ContinuousSampler;
import org.apache.commons.rng.sampling.distribution.LogNormalSampler;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.physgen.random.RandomStreams;

/**
 * Overlapping polydisperse spheres (a Boolean model) with log-normal radii, as a score field
 * {@code s(x) = max_i (R_i - |x - c_i|)}: positive inside the union of spheres and, outside it, minus
 * the distance to the union. Thresholding s at a level t keeps the same spheres with radii R_i - t, so
 * an exact-rank threshold hits an exact voxel count while the shapes stay spheres. The sphere count is
 * chosen so that the expected covered fraction, {@code 1 - exp(-n E[V] / V_box)}, equals the target.
 */
final class SphereField {

	/** Radii are drawn log-normally with this coefficient of variation and cut at 3 mean radii. */
	static final double RADIUS_CV = 0.3;

	private final int sizeX;
	private final int sizeY;
	private final int sizeZ;
	private final double meanRadius;
	private final boolean periodic;

	SphereField(final int sizeX, final int sizeY, final int sizeZ, final double meanRadius,
		final boolean periodic)
	{
		if (!(meanRadius >= 0.5) || Double.isInfinite(meanRadius)) {
			throw new IllegalArgumentException("mean_radius must be at least 0.5 voxels, got " + meanRadius);
		}
		this.sizeX = sizeX;
		this.sizeY = sizeY;
		this.sizeZ = sizeZ;
		this.meanRadius = meanRadius;
		this.periodic = periodic;
	}

	/**
	 * Score field for spheres covering about {@code fraction} of the box. Beyond {@code reach} voxels
	 * outside every sphere the score is {@code -reach}.
	 */
	float[][] sample(final double fraction, final double reach, final long seed) {
		final List<double[]> spheres = placeSpheres(fraction, seed);
		final float[][] score = new float[sizeZ][sizeX * sizeY];
		for (final float[] slice : score) Arrays.fill(slice, (float) -reach);
		// Each task owns whole z slices, so writes never race.
		IntStream.range(0, sizeZ).parallel().forEach(z -> {
			for (final double[] s : spheres) paintSlice(score[z], z, s, reach);
		});
		return score;
	}

	private List<double[]> placeSpheres(final double fraction, final long seed) {
		final UniformRandomProvider rng = RandomStreams.of(seed, -1);
		final double sigma = Math.sqrt(Math.log(1 + RADIUS_CV * RADIUS_CV));
		final double mu = Math.log(meanRadius) - sigma * sigma / 2;
		final ContinuousSampler radii = LogNormalSampler.of(
			ZigguratSampler.NormalizedGaussian.of(rng), mu, sigma);
		final double meanCube = Math.exp(3 * mu + 4.5 * sigma * sigma);
		final double margin = periodic ? 0 : meanRadius;
		final double volume = (sizeX + 2 * margin) * (sizeY + 2 * margin) * (sizeZ + 2 * margin);
		final long count = Math.max(1, Math.round(-Math.log(1 - fraction) * volume
			/ (4.0 / 3.0 * Math.PI * meanCube)));
		final List<double[]> spheres = new ArrayList<>();
		for (long i = 0; i < count; i++) {
			final double r = Math.min(radii.sample(), 3 * meanRadius);
			spheres.add(new double[] {
				rng.nextDouble() * (sizeX + 2 * margin) - margin,
				rng.nextDouble() * (sizeY + 2 * margin) - margin,
				rng.nextDouble() * (sizeZ + 2 * margin) - margin, r });
		}
		return spheres;
	}

	private void paintSlice(final float[] slice, final int z, final double[] s, final double reach) {
		final int images = periodic ? 1 : 0;
		for (int k = -images; k <= images; k++) {
			final double dz = z + k * sizeZ - s[2];
			final double extent = s[3] + reach;
			if (Math.abs(dz) <= extent) paintDisc(slice, dz, Math.sqrt(extent * extent - dz * dz), s);
		}
	}

	/** Paints the disc where the slice at offset dz from the centre cuts the sphere plus its reach. */
	private void paintDisc(final float[] slice, final double dz, final double rxy, final double[] s) {
		final double cx = s[0], cy = s[1], r = s[3];
		for (int iy = (int) Math.floor(cy - rxy); iy <= (int) Math.ceil(cy + rxy); iy++) {
			final int y = wrap(iy, sizeY);
			if (y < 0) continue;
			final double dy = iy - cy;
			final double dyz2 = dy * dy + dz * dz;
			for (int ix = (int) Math.floor(cx - rxy); ix <= (int) Math.ceil(cx + rxy); ix++) {
				final int x = wrap(ix, sizeX);
				if (x < 0) continue;
				final double dx = ix - cx;
				final float value = (float) (r - Math.sqrt(dx * dx + dyz2));
				final int i = x + y * sizeX;
				if (value > slice[i]) slice[i] = value;
			}
		}
	}

	/** Index of a voxel coordinate, wrapped when periodic; -1 when outside a non-periodic box. */
	private int wrap(final int i, final int n) {
		if (periodic) return Math.floorMod(i, n);
		return i >= 0 && i < n ? i : -1;
	}
}
