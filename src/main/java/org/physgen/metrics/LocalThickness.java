package org.physgen.metrics;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;
import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Local thickness (pore-size distribution) of one phase in the radius convention; see
 * {@link ThicknessDistribution} for the definition.
 * <p>
 * With level = floor(dt), a voxel gets the largest level r of a voxel s with |p - s| &lt; r: the seeds
 * of a higher level claim everything within their radius first. So level r only needs the seeds with
 * level exactly r, and among them only those whose ball is not inside the ball of a neighbour: a
 * neighbour at distance d with level at least r + d covers it. The remaining seeds are sparse; each
 * level either paints their balls or, where that would cost more, runs one exact distance transform to
 * them over their bounding box widened by r - 1.
 */
public final class LocalThickness {

	/** Rough cost of one voxel of a distance transform, in units of one painted ball voxel. */
	private static final int TRANSFORM_COST = 8;

	private static final byte UNASSIGNED = 0, ASSIGNED = 1, ASSIGNED_NOW = 2;

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
		final Box full = new Box(0, 0, 0, volume.sizeX(), volume.sizeY(), volume.sizeZ());
		final SeedsByLevel seeds = new SeedsByLevel(level, full, levels);
		final byte[] state = new byte[squared.length];
		final long[] countByRadius = new long[levels + 1];
		progress.accept(0);
		for (int r = levels; r >= 1; r--) {
			if (cancelled.getAsBoolean()) throw new CancellationException("local thickness cancelled");
			countByRadius[r] = assignLevel(level, state, squared, full, seeds, r);
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

	/**
	 * Gives thickness r to the unassigned phase voxels closer than r to a seed of level r and returns
	 * their number. {@code work} is scratch space of the volume's size.
	 */
	private static long assignLevel(final int[] level, final byte[] state, final int[] work,
		final Box full, final SeedsByLevel seeds, final int r)
	{
		final int first = seeds.start[r], end = seeds.start[r + 1];
		if (first == end) return 0;
		final Box box = full.around(seeds.voxel, first, end, r - 1);
		final double ball = 4.19 * r * r * r;
		if ((end - first) * ball < TRANSFORM_COST * (double) box.volume()) {
			IntStream.range(first, end).parallel().forEach(k -> paintBall(level, state, full, seeds.voxel[k],
				r));
		}
		else {
			transformInBox(level, state, work, full, box, seeds, r);
		}
		return IntStream.range(box.z0, box.z1).parallel().mapToLong(z -> {
			long count = 0;
			for (int y = box.y0; y < box.y1; y++) {
				int v = full.index(box.x0, y, z);
				for (int x = box.x0; x < box.x1; x++, v++) {
					if (state[v] == ASSIGNED_NOW) {
						state[v] = ASSIGNED;
						count++;
					}
				}
			}
			return count;
		}).sum();
	}

	/** Marks the unassigned phase voxels strictly within distance r of voxel s. */
	private static void paintBall(final int[] level, final byte[] state, final Box full, final int s,
		final int r)
	{
		final int sx = s % full.x1, sy = s / full.x1 % full.y1, sz = s / (full.x1 * full.y1);
		final int inside = r * r - 1;
		for (int dz = -(r - 1); dz <= r - 1; dz++) {
			final int z = sz + dz;
			if (z < 0 || z >= full.z1) continue;
			for (int dy = -(r - 1); dy <= r - 1; dy++) {
				final int y = sy + dy;
				final int left = inside - dy * dy - dz * dz;
				if (y < 0 || y >= full.y1 || left < 0) continue;
				final int half = SquaredEdt.floorSqrt(left);
				final int x0 = Math.max(0, sx - half), x1 = Math.min(full.x1 - 1, sx + half);
				for (int x = x0, v = full.index(x0, y, z); x <= x1; x++, v++) {
					if (state[v] == UNASSIGNED && level[v] > 0) state[v] = ASSIGNED_NOW;
				}
			}
		}
	}

	/** Marks the same voxels as {@link #paintBall} for all seeds, by one distance transform. */
	private static void transformInBox(final int[] level, final byte[] state, final int[] work,
		final Box full, final Box box, final SeedsByLevel seeds, final int r)
	{
		IntStream.range(0, box.sizeZ()).parallel().forEach(k -> {
			final int slice = box.sizeX() * box.sizeY();
			Arrays.fill(work, k * slice, (k + 1) * slice, 1);
		});
		for (int k = seeds.start[r]; k < seeds.start[r + 1]; k++) {
			final int s = seeds.voxel[k];
			final int x = s % full.x1, y = s / full.x1 % full.y1, z = s / (full.x1 * full.y1);
			work[box.local(x, y, z)] = 0;
		}
		SquaredEdt.transform(work, box.sizeX(), box.sizeY(), box.sizeZ());
		final long rSquared = (long) r * r;
		IntStream.range(box.z0, box.z1).parallel().forEach(z -> {
			int i = box.local(box.x0, box.y0, z);
			for (int y = box.y0; y < box.y1; y++) {
				int v = full.index(box.x0, y, z);
				for (int x = box.x0; x < box.x1; x++, v++, i++) {
					if (state[v] == UNASSIGNED && level[v] > 0 && work[i] < rSquared) state[v] = ASSIGNED_NOW;
				}
			}
		});
	}

	/** A half-open box of voxels [x0, x1) x [y0, y1) x [z0, z1). */
	private record Box(int x0, int y0, int z0, int x1, int y1, int z1) {

		int sizeX() {
			return x1 - x0;
		}

		int sizeY() {
			return y1 - y0;
		}

		int sizeZ() {
			return z1 - z0;
		}

		int volume() {
			return sizeX() * sizeY() * sizeZ();
		}

		/** Flat index in the whole volume (this box must start at the origin). */
		int index(final int x, final int y, final int z) {
			return x + x1 * (y + y1 * z);
		}

		/** Flat index within a grid of this box's size. */
		int local(final int x, final int y, final int z) {
			return (x - x0) + sizeX() * ((y - y0) + sizeY() * (z - z0));
		}

		/** The bounding box of voxels[first..end) of this (whole) volume, widened by margin, clipped. */
		Box around(final int[] voxels, final int first, final int end, final int margin) {
			int minX = Integer.MAX_VALUE, minY = Integer.MAX_VALUE, minZ = Integer.MAX_VALUE;
			int maxX = -1, maxY = -1, maxZ = -1;
			for (int k = first; k < end; k++) {
				final int v = voxels[k];
				final int x = v % x1, y = v / x1 % y1, z = v / (x1 * y1);
				minX = Math.min(minX, x);
				minY = Math.min(minY, y);
				minZ = Math.min(minZ, z);
				maxX = Math.max(maxX, x);
				maxY = Math.max(maxY, y);
				maxZ = Math.max(maxZ, z);
			}
			return new Box(Math.max(0, minX - margin), Math.max(0, minY - margin), Math.max(0, minZ - margin),
				Math.min(x1, maxX + margin + 1), Math.min(y1, maxY + margin + 1), Math.min(z1, maxZ + margin
					+ 1));
		}
	}

	/**
	 * The seeds that matter, grouped by level: voxels of level r &gt;= 1 with no neighbour covering
	 * their ball (a face neighbour of level &gt;= r + 1, or an edge or corner neighbour, at most 2 away,
	 * of level &gt;= r + 2).
	 */
	private static final class SeedsByLevel {

		/** Seeds of level r are voxel[start[r]] .. voxel[start[r + 1] - 1], in scan order. */
		final int[] start;
		final int[] voxel;

		SeedsByLevel(final int[] level, final Box full, final int levels) {
			final boolean[] kept = new boolean[level.length];
			IntStream.range(0, full.z1).parallel().forEach(z -> {
				for (int y = 0; y < full.y1; y++) {
					for (int x = 0, v = full.index(0, y, z); x < full.x1; x++, v++) {
						kept[v] = level[v] > 0 && !covered(level, full, x, y, z, level[v]);
					}
				}
			});
			start = new int[levels + 2];
			for (int v = 0; v < level.length; v++) {
				if (kept[v]) start[level[v] + 1]++;
			}
			for (int r = 1; r <= levels + 1; r++) start[r] += start[r - 1];
			voxel = new int[start[levels + 1]];
			final int[] next = start.clone();
			for (int v = 0; v < level.length; v++) {
				if (kept[v]) voxel[next[level[v]]++] = v;
			}
		}

		private static boolean covered(final int[] level, final Box full, final int x, final int y,
			final int z, final int r)
		{
			for (int dz = -1; dz <= 1; dz++) {
				for (int dy = -1; dy <= 1; dy++) {
					for (int dx = -1; dx <= 1; dx++) {
						final int steps = Math.abs(dx) + Math.abs(dy) + Math.abs(dz);
						final int nx = x + dx, ny = y + dy, nz = z + dz;
						final boolean outside = nx < 0 || ny < 0 || nz < 0 || nx >= full.x1 || ny >= full.y1
							|| nz >= full.z1;
						if (steps == 0 || outside) continue;
						if (level[full.index(nx, ny, nz)] >= r + (steps == 1 ? 1 : 2)) return true;
					}
				}
			}
			return false;
		}
	}
}
