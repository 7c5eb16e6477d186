package org.physgen.dsd;

import java.util.stream.IntStream;

import org.physgen.mass.BinaryProjection;
import org.physgen.mass.ExactSelection;
import org.physgen.mass.PhaseAssignment;

/**
 * Turns final DSD counts into a label volume with exactly one phase per voxel (SPEC 4.5). The
 * process has no exclusion, so a voxel may end with several particles or phases; the exact
 * projections of the mass package place every phase's mass using a smoothed count field as score:
 * {@code s(x) = n(x) + 1/8 sum of the in-box neighbours' n}. The neighbour weight keeps a voxel with
 * one particle above any empty voxel, so a state that is already a valid volume comes back as is.
 */
public final class OccupancyRepair {

	private static final float FROZEN = 1e6f;

	private static final Direction[] DIRECTIONS = Direction.values();

	private static final float NEIGHBOUR_WEIGHT = 1f / 8;

	private OccupancyRepair() {}

	/**
	 * @param labels label slices, phase indices, with each phase's count equal to its mass
	 * @param moved particles that did not stay at a voxel of their phase
	 * @param particles all particles
	 */
	public record Result(byte[][] labels, long moved, long particles) {

		/** Repaired fraction: moved particles / all particles (0 when there are none). */
		public double repairedFraction() {
			return particles == 0 ? 0 : (double) moved / particles;
		}
	}

	/** @param counts {@code counts[c][v]} of one sample */
	public static Result repair(final Grid grid, final ChannelMap channels, final int[][] counts) {
		return repair(grid, channels, counts, null);
	}

	/**
	 * Repair that leaves frozen voxels (outside {@code evolving}; null means none are frozen) as they
	 * are: their own phase gets a score no smoothed count can reach, so the exact projection keeps
	 * them and only the evolving region absorbs the repair.
	 *
	 * @param counts {@code counts[c][v]} of one sample; frozen voxels hold at most one particle
	 */
	public static Result repair(final Grid grid, final ChannelMap channels, final int[][] counts,
		final boolean[] evolving)
	{
		if (counts.length != channels.channels()) {
			throw new IllegalArgumentException(counts.length + " channels, expected " + channels
				.channels());
		}
		final int voxels = grid.voxels();
		final int sliceLength = grid.sliceLength();
		final long[] targets = new long[channels.phases()];
		long particles = 0;
		for (int c = 0; c < counts.length; c++) {
			for (final int n : counts[c]) {
				targets[channels.phaseOf(c)] += n;
			}
			particles += targets[channels.phaseOf(c)];
		}
		if (particles > voxels) {
			throw new IllegalArgumentException(particles + " particles do not fit in " + voxels
				+ " voxels");
		}
		targets[channels.impliedPhase()] = voxels - particles;
		final byte[][] labels;
		if (channels.channels() == 1) {
			final float[][] score = smoothed(grid, toFloat(counts[0]));
			freeze(score, counts[0], evolving, sliceLength);
			final byte[][] selected = BinaryProjection.topM(score, targets[channels.phaseOf(0)],
				ExactSelection.DEFAULT_TIE_SEED);
			labels = relabel(selected, (byte) channels.impliedPhase(), (byte) channels.phaseOf(0));
		}
		else {
			final float[][][] scores = new float[channels.phases()][][];
			final float[] implied = new float[voxels];
			for (int v = 0; v < voxels; v++) {
				implied[v] = 1;
				for (final int[] n : counts) {
					implied[v] -= n[v];
				}
			}
			final int[] impliedCount = new int[voxels];
			for (int v = 0; v < voxels; v++) impliedCount[v] = Math.round(implied[v]);
			for (int c = 0; c < counts.length; c++) {
				scores[channels.phaseOf(c)] = smoothed(grid, toFloat(counts[c]));
				freeze(scores[channels.phaseOf(c)], counts[c], evolving, sliceLength);
			}
			scores[channels.impliedPhase()] = smoothed(grid, implied);
			freeze(scores[channels.impliedPhase()], impliedCount, evolving, sliceLength);
			labels = PhaseAssignment.assign(scores, targets);
		}
		long moved = 0;
		for (int c = 0; c < counts.length; c++) {
			for (int v = 0; v < voxels; v++) {
				final boolean kept = (labels[v / sliceLength][v % sliceLength] & 0xFF) == channels
					.phaseOf(c);
				moved += Math.max(0, counts[c][v] - (kept ? 1 : 0));
			}
		}
		return new Result(labels, moved, particles);
	}

	/** Frozen voxels score far above any smoothed count for their own phase and far below otherwise. */
	private static void freeze(final float[][] score, final int[] count, final boolean[] evolving,
		final int sliceLength)
	{
		if (evolving == null) return;
		for (int v = 0; v < evolving.length; v++) {
			if (!evolving[v]) score[v / sliceLength][v % sliceLength] = count[v] > 0 ? FROZEN : -FROZEN;
		}
	}

	private static float[][] smoothed(final Grid grid, final float[] field) {
		final int sliceLength = grid.sliceLength();
		final float[][] slices = new float[grid.sizeZ()][sliceLength];
		IntStream.range(0, grid.sizeZ()).parallel().forEach(z -> {
			for (int i = 0; i < sliceLength; i++) {
				final int v = z * sliceLength + i;
				float neighbours = 0;
				for (final Direction d : DIRECTIONS) {
					final int next = grid.neighbour(v, d);
					if (next >= 0) neighbours += field[next];
				}
				slices[z][i] = field[v] + NEIGHBOUR_WEIGHT * neighbours;
			}
		});
		return slices;
	}

	private static float[] toFloat(final int[] counts) {
		final float[] values = new float[counts.length];
		for (int v = 0; v < counts.length; v++) {
			values[v] = counts[v];
		}
		return values;
	}

	private static byte[][] relabel(final byte[][] binary, final byte zero, final byte one) {
		for (final byte[] slice : binary) {
			for (int i = 0; i < slice.length; i++) {
				slice[i] = slice[i] == 0 ? zero : one;
			}
		}
		return binary;
	}
}
