package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Chord-length distribution of one phase along each axis (0 = x, 1 = y, 2 = z). A chord is a maximal
 * run of consecutive phase voxels on a line parallel to the axis; chords that touch the volume border
 * (first or last voxel of the line) are dropped because their true length is unknown.
 *
 * @param counts {@code counts[axis][n]}: interior chords of length n voxels (index 0 unused)
 */
public record ChordLengths(int phase, long[][] counts) {

	public static ChordLengths of(final LabelVolume volume, final int phase) {
		final long[][] counts = new long[3][];
		for (int axis = 0; axis < 3; axis++) counts[axis] = runLengths(volume, phase, axis, true);
		return new ChordLengths(phase, counts);
	}

	/** Number of interior chords along the axis. */
	public long chords(final int axis) {
		long n = 0;
		for (final long c : counts[axis]) n += c;
		return n;
	}

	/** Mean interior chord length along the axis in voxels (number-weighted); NaN without chords. */
	public double mean(final int axis) {
		long length = 0;
		for (int n = 1; n < counts[axis].length; n++) length += n * counts[axis][n];
		return length / (double) chords(axis);
	}

	/** Fraction of the interior chords along the axis with length n, for n = 0..L_a (index 0 is 0). */
	public double[] distribution(final int axis) {
		final double total = chords(axis);
		final double[] p = new double[counts[axis].length];
		for (int n = 1; n < p.length; n++) p[n] = counts[axis][n] / total;
		return p;
	}

	public static String definition() {
		return "chords = maximal runs of the phase along an axis, runs touching the volume border dropped;"
			+ " mean chord = number-weighted mean length in voxels";
	}

	/**
	 * Histogram of the maximal runs of the phase along the axis, indexed by run length (0..L_a); with
	 * {@code interiorOnly} the runs touching the border of the line are left out.
	 */
	static long[] runLengths(final LabelVolume volume, final int phase, final int axis,
		final boolean interiorOnly)
	{
		final int sizeX = volume.sizeX();
		final int sizeY = volume.sizeY();
		final int sizeZ = volume.sizeZ();
		final int length = axis == 0 ? sizeX : axis == 1 ? sizeY : sizeZ;
		// x and y runs lie inside one z slice; z runs are followed for one row y of every slice at a time
		final int tasks = axis == 2 ? sizeY : sizeZ;
		return IntStream.range(0, tasks).parallel().mapToObj(t -> {
			final long[] histogram = new long[length + 1];
			final RunTracker runs = new RunTracker(histogram, length, interiorOnly);
			if (axis == 0) {
				final byte[] slice = volume.slice(t);
				for (int row = 0; row < slice.length; row += sizeX) {
					for (int x = 0; x < sizeX; x++) runs.step(0, x, (slice[row + x] & 0xff) == phase);
				}
			}
			else if (axis == 1) {
				final byte[] slice = volume.slice(t);
				runs.reset(sizeX);
				for (int y = 0; y < sizeY; y++) {
					for (int x = 0; x < sizeX; x++) runs.step(x, y, (slice[x + y * sizeX] & 0xff) == phase);
				}
			}
			else {
				runs.reset(sizeX);
				final int row = t * sizeX;
				for (int z = 0; z < sizeZ; z++) {
					final byte[] slice = volume.slice(z);
					for (int x = 0; x < sizeX; x++) runs.step(x, z, (slice[row + x] & 0xff) == phase);
				}
			}
			return histogram;
		}).reduce(new long[length + 1], (a, b) -> {
			final long[] s = a.clone();
			for (int i = 0; i < s.length; i++) s[i] += b[i];
			return s;
		});
	}

	/** Follows the open runs of several parallel lines stepped through position 0..length-1 together. */
	private static final class RunTracker {

		private final long[] histogram;
		private final int length;
		private final boolean interiorOnly;
		private int[] open = new int[1];
		private boolean[] fromBorder = new boolean[1];

		RunTracker(final long[] histogram, final int length, final boolean interiorOnly) {
			this.histogram = histogram;
			this.length = length;
			this.interiorOnly = interiorOnly;
		}

		void reset(final int lines) {
			open = new int[lines];
			fromBorder = new boolean[lines];
		}

		void step(final int line, final int position, final boolean inPhase) {
			if (inPhase) {
				if (open[line] == 0) fromBorder[line] = position == 0;
				open[line]++;
				if (position == length - 1) close(line, true);
			}
			else if (open[line] > 0) {
				close(line, false);
			}
		}

		private void close(final int line, final boolean atBorder) {
			if (!interiorOnly || !(atBorder || fromBorder[line])) histogram[open[line]]++;
			open[line] = 0;
		}
	}
}
