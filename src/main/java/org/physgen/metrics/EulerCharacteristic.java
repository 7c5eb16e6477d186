package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Euler characteristic of one phase over the whole volume (outside counts as another phase).
 * <ul>
 * <li>{@code chi6} (6-connected phase): voxels − face-adjacent voxel pairs + 2×2 squares of phase
 * voxels − 2×2×2 cubes of phase voxels.</li>
 * <li>{@code chi26} (26-connected phase): V − E + F − C of the closed voxel complex, the union of the
 * phase voxels as closed unit cubes with their vertices, edges, faces and cubes counted once each.</li>
 * </ul>
 * Both are computed slice by slice: the Euler characteristic of a stack equals the sum over its slices
 * minus the sum over what neighbouring slices share (their intersection for chi6, whose cells are the
 * pairs, squares and cubes joining the slices; for chi26 the union of two slices is the closed plane
 * between them). The same reduction takes a slice to its rows, and a row's Euler characteristic is its
 * number of runs in both complexes.
 */
public record EulerCharacteristic(int phase, long chi6, long chi26) {

	public static EulerCharacteristic of(final LabelVolume volume, final int phase) {
		final int sizeX = volume.sizeX();
		final int sizeY = volume.sizeY();
		final int sizeZ = volume.sizeZ();
		final byte[][] mask = indicator(volume, phase);
		final byte[] empty = new byte[sizeX * sizeY];
		final long[] terms = IntStream.rangeClosed(0, sizeZ).parallel().mapToObj(z -> {
			final byte[] below = z > 0 ? mask[z - 1] : empty;
			final byte[] here = z < sizeZ ? mask[z] : empty;
			final byte[] shared = new byte[sizeX * sizeY];
			final byte[] plane = new byte[sizeX * sizeY];
			for (int i = 0; i < shared.length; i++) {
				shared[i] = (byte) (below[i] & here[i]);
				plane[i] = (byte) (below[i] | here[i]);
			}
			final long chi6 = chi4(here, sizeX, sizeY) - (z > 0 ? chi4(shared, sizeX, sizeY) : 0);
			final long chi26 = chi8(plane, sizeX, sizeY) - chi8(here, sizeX, sizeY);
			return new long[] { chi6, chi26 };
		}).reduce(new long[2], (a, b) -> new long[] { a[0] + b[0], a[1] + b[1] });
		return new EulerCharacteristic(phase, terms[0], terms[1]);
	}

	/** 1 for the voxels of the phase, 0 elsewhere, per slice. */
	private static byte[][] indicator(final LabelVolume volume, final int phase) {
		final byte[][] mask = new byte[volume.sizeZ()][];
		IntStream.range(0, mask.length).parallel().forEach(z -> {
			final byte[] slice = volume.slice(z);
			final byte[] m = new byte[slice.length];
			for (int i = 0; i < m.length; i++) m[i] = (slice[i] & 0xff) == phase ? (byte) 1 : 0;
			mask[z] = m;
		});
		return mask;
	}

	/** Euler characteristic of the 4-connected 2D set: rows minus the intersections of adjacent rows. */
	static long chi4(final byte[] m, final int sizeX, final int sizeY) {
		long chi = 0;
		for (int y = 0; y < sizeY; y++) {
			final int row = y * sizeX;
			int previous = 0;
			int previousShared = 0;
			for (int x = 0; x < sizeX; x++) {
				final int v = m[row + x];
				chi += v & ~previous;
				previous = v;
				if (y + 1 < sizeY) {
					final int shared = v & m[row + sizeX + x];
					chi -= shared & ~previousShared;
					previousShared = shared;
				}
			}
		}
		return chi;
	}

	/**
	 * Euler characteristic of the 8-connected 2D set (closed squares): the closed lines between rows
	 * (unions of the adjacent rows) minus the rows.
	 */
	static long chi8(final byte[] m, final int sizeX, final int sizeY) {
		long chi = 0;
		for (int y = 0; y <= sizeY; y++) {
			int previousLine = 0;
			int previousRow = 0;
			for (int x = 0; x < sizeX; x++) {
				final int above = y < sizeY ? m[y * sizeX + x] : 0;
				final int line = (y > 0 ? m[(y - 1) * sizeX + x] : 0) | above;
				chi += line & ~previousLine;
				previousLine = line;
				chi -= above & ~previousRow;
				previousRow = above;
			}
		}
		return chi;
	}

	public static String definition() {
		return "chi6 = voxels - face-adjacent pairs + 2x2 squares - 2x2x2 cubes of the phase; chi26 ="
			+ " V - E + F - C of the closed voxel complex of the phase; whole volume, outside not in phase";
	}
}
