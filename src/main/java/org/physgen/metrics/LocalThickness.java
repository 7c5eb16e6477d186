package org.physgen.metrics;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Local thickness (pore-size distribution) of one phase in the radius convention; see
 * {@link ThicknessDistribution} for the definition.
 * <p>
 * The level r only needs seeds with floor(dt) = r: a voxel still unassigned at level r is at least
 * r + 1 away from every seed with floor(dt) &gt; r, because that seed would have claimed it at its own
 * level. So each level is one exact distance transform to those seeds, restricted to their bounding
 * box widened by r - 1.
 */
public final class LocalThickness {

	private LocalThickness() {}

	public static ThicknessDistribution compute(final LabelVolume volume, final int phase) {
		return compute(volume, phase, p -> {}, () -> false);
	}

	/**
	 * @param progress receives the fraction done, 0..1
	 * @param cancelled polled between levels; when it answers true a {@link CancellationException} is
	 *          thrown
	 */
	public static ThicknessDistribution compute(final LabelVolume volume, final int phase,
		final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		final int[] squared = DistanceTransform.squaredDistances(volume, phase);
		final int maxSquared = IntStream.of(squared).parallel().max().orElse(0);
		if (maxSquared == SquaredEdt.INFINITE) {
			throw new IllegalArgumentException("phase " + phase + " fills the whole volume: its local"
				+ " thickness is not defined");
		}
		final int levels = SquaredEdt.floorSqrt(maxSquared);
		final int[] level = new int[squared.length];
		IntStream.range(0, squared.length).parallel().forEach(i -> level[i] = SquaredEdt.floorSqrt(
			squared[i]));
		final long[] countByRadius = new long[levels + 1];
		final boolean[] assigned = new boolean[squared.length];
		final int[] work = squared;
		final Box full = new Box(volume.sizeX(), volume.sizeY(), volume.sizeZ());
		progress.accept(0);
		for (int r = levels; r >= 1; r--) {
			if (cancelled.getAsBoolean()) throw new CancellationException("local thickness cancelled");
			countByRadius[r] = assignLevel(level, assigned, work, full, r);
			progress.accept((levels - r + 1) / (double) levels);
		}
		long phaseVoxels = 0;
		double sum = 0;
		for (int r = 1; r <= levels; r++) {
			phaseVoxels += countByRadius[r];
			sum += r * (double) countByRadius[r];
		}
		final double[] fractions = new double[levels];
		for (int r = 1; r <= levels; r++) fractions[r - 1] = countByRadius[r] / (double) phaseVoxels;
		return new ThicknessDistribution(phase, phaseVoxels, fractions, phaseVoxels == 0 ? Double.NaN
			: sum / phaseVoxels, Math.sqrt(maxSquared));
	}

	/** Gives thickness r to the unassigned phase voxels closer than r to a seed of level r. */
	private static long assignLevel(final int[] level, final boolean[] assigned, final int[] work,
		final Box full, final int r)
	{
		final Box box = full.seedBox(level, r);
		if (box == null) return 0;
		IntStream.range(box.z0, box.z1).parallel().forEach(z -> {
			int i = 0;
			for (int y = box.y0; y < box.y1; y++) {
				int v = full.index(box.x0, y, z);
				for (int x = box.x0; x < box.x1; x++, v++, i++) {
					work[box.offset(i, z)] = level[v] == r ? 0 : 1;
				}
			}
		});
		SquaredEdt.transform(work, box.sizeX(), box.sizeY(), box.sizeZ());
		final long rSquared = (long) r * r;
		return IntStream.range(box.z0, box.z1).parallel().mapToLong(z -> {
			long count = 0;
			int i = 0;
			for (int y = box.y0; y < box.y1; y++) {
				int v = full.index(box.x0, y, z);
				for (int x = box.x0; x < box.x1; x++, v++, i++) {
					if (level[v] > 0 && !assigned[v] && work[box.offset(i, z)] < rSquared) {
						assigned[v] = true;
						count++;
					}
				}
			}
			return count;
		}).sum();
	}

	/** A half-open box of voxels [x0, x1) x [y0, y1) x [z0, z1). */
	private record Box(int x0, int y0, int z0, int x1, int y1, int z1) {

		Box(final int sizeX, final int sizeY, final int sizeZ) {
			this(0, 0, 0, sizeX, sizeY, sizeZ);
		}

		int sizeX() {
			return x1 - x0;
		}

		int sizeY() {
			return y1 - y0;
		}

		int sizeZ() {
			return z1 - z0;
		}

		int index(final int x, final int y, final int z) {
			return x + sizeX() * (y + sizeY() * z);
		}

		/** Index into a grid of this box's size of the i-th voxel (in x-then-y order) of slice z. */
		int offset(final int i, final int z) {
			return i + (z - z0) * sizeX() * sizeY();
		}

		/** The bounding box of the voxels of level r, widened by r - 1 and clipped; null if none. */
		Box seedBox(final int[] level, final int r) {
			final int[][] bounds = IntStream.range(0, sizeZ()).parallel().mapToObj(z -> {
				final int[] b = { Integer.MAX_VALUE, Integer.MAX_VALUE, Integer.MIN_VALUE,
					Integer.MIN_VALUE };
				int v = index(0, 0, z);
				for (int y = 0; y < sizeY(); y++) {
					for (int x = 0; x < sizeX(); x++, v++) {
						if (level[v] != r) continue;
						b[0] = Math.min(b[0], x);
						b[1] = Math.min(b[1], y);
						b[2] = Math.max(b[2], x);
						b[3] = Math.max(b[3], y);
					}
				}
				return b;
			}).toArray(int[][]::new);
			int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, minZ = Integer.MAX_VALUE;
			int maxX = Integer.MIN_VALUE, maxY = Integer.MIN_VALUE, maxZ = Integer.MIN_VALUE;
			for (int z = 0; z < bounds.length; z++) {
				if (bounds[z][0] == Integer.MAX_VALUE) continue;
				minX = Math.min(minX, bounds[z][0]);
				minY = Math.min(minY, bounds[z][1]);
				maxX = Math.max(maxX, bounds[z][2]);
				maxY = Math.max(maxY, bounds[z][3]);
				minZ = Math.min(minZ, z);
				maxZ = z;
			}
			if (minX == Integer.MAX_VALUE) return null;
			final int reach = r - 1;
			return new Box(Math.max(0, minX - reach), Math.max(0, minY - reach), Math.max(0, minZ - reach),
				Math.min(x1, maxX + reach + 1), Math.min(y1, maxY + reach + 1), Math.min(z1, maxZ + reach
					+ 1));
		}
	}
}
