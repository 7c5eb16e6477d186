package org.physgen.pfgm;

import java.util.Arrays;
import java.util.stream.IntStream;

import org.physgen.mass.BinaryProjection;
import org.physgen.mass.PhaseAssignment;
import org.physgen.mass.PhaseCounts;
import org.physgen.volume.LabelVolume;

/**
 * Phases as continuous data: P phases become P one-hot channels with values in {-1, +1}; two
 * phases use one channel, +1 for phase 1 and -1 for phase 0. Decoding projects a continuous sample
 * onto exact phase counts with the {@code mass} projections, using the channels as scores.
 */
public final class PhaseEncoding {

	private PhaseEncoding() {}

	public static int channels(final int phases) {
		if (phases < 2 || phases > PhaseCounts.MAX_PHASES) {
			throw new IllegalArgumentException(phases + " phases: between 2 and "
				+ PhaseCounts.MAX_PHASES + " are supported");
		}
		return phases == 2 ? 1 : phases;
	}

	public static VolumeShape shapeOf(final LabelVolume volume) {
		return VolumeShape.forPhases(volume.phases().phaseCount(), volume.sizeX(), volume.sizeY(),
			volume.sizeZ());
	}

	public static float[] encode(final LabelVolume volume) {
		return encode(volume.slices(), shapeOf(volume));
	}

	/** Encodes labels (one array per z slice) of shape.phases() phases into the sample layout. */
	public static float[] encode(final byte[][] slices, final VolumeShape shape) {
		checkSlices(slices, shape);
		final int phases = shape.phases();
		final int sliceLength = shape.sliceLength();
		final int voxels = shape.voxels();
		final float[] x = new float[shape.length()];
		IntStream.range(0, slices.length).parallel().forEach(z -> {
			final byte[] slice = slices[z];
			for (int i = 0; i < sliceLength; i++) {
				final int phase = slice[i] & 0xff;
				if (phase >= phases) {
					throw new IllegalArgumentException("label " + phase + " at voxel (z=" + z + ", i=" + i
						+ ") is not one of the " + phases + " phases");
				}
				final int v = z * sliceLength + i;
				if (phases == 2) {
					x[v] = phase == 1 ? 1 : -1;
				}
				else {
					for (int c = 0; c < phases; c++) x[c * voxels + v] = phase == c ? 1 : -1;
				}
			}
		});
		return x;
	}

	/** Channel means of the encoding of any volume with these voxel counts of phases 0..P-1. */
	public static double[] targetMeans(final long[] targets) {
		final long voxels = total(targets);
		final int channels = channels(targets.length);
		final double[] means = new double[channels];
		for (int c = 0; c < channels; c++) {
			final long count = channels == 1 ? targets[1] : targets[c];
			means[c] = 2.0 * count / voxels - 1;
		}
		return means;
	}

	/**
	 * Labels with exactly {@code targets[p]} voxels of phase p that best agree with sample x: the
	 * binary top-M projection of the channel for two phases, the multi-phase assignment otherwise.
	 * Equal scores are ordered by a hash seeded with {@code tieSeed}.
	 */
	public static Decoded decode(final float[] x, final VolumeShape shape, final long[] targets,
		final long tieSeed)
	{
		if (x.length != shape.length()) {
			throw new IllegalArgumentException("sample has " + x.length + " values, shape " + shape
				+ " needs " + shape.length());
		}
		if (targets.length != shape.phases()) {
			throw new IllegalArgumentException("targets " + Arrays.toString(targets) + " list "
				+ targets.length + " phases, the sample encodes " + shape.phases());
		}
		if (total(targets) != shape.voxels()) {
			throw new IllegalArgumentException("targets " + Arrays.toString(targets) + " sum to "
				+ total(targets) + ", the sample has " + shape.voxels() + " voxels");
		}
		final float[][][] scores = new float[shape.channels()][][];
		for (int c = 0; c < scores.length; c++) scores[c] = channelSlices(x, shape, c);
		final byte[][] labels = shape.channels() == 1 ? BinaryProjection.topM(scores[0], targets[1],
			tieSeed) : PhaseAssignment.assign(scores, targets, tieSeed);
		return new Decoded(labels, flipped(scores, labels));
	}

	private static float[][] channelSlices(final float[] x, final VolumeShape shape, final int c) {
		final int sliceLength = shape.sliceLength();
		final int offset = c * shape.voxels();
		final float[][] slices = new float[shape.sizeZ()][sliceLength];
		IntStream.range(0, slices.length).parallel().forEach(z -> System.arraycopy(x, offset + z
			* sliceLength, slices[z], 0, sliceLength));
		return slices;
	}

	/** Voxels whose label differs from the nearest phase of the scores (ties: lowest phase). */
	private static long flipped(final float[][][] scores, final byte[][] labels) {
		return IntStream.range(0, labels.length).parallel().mapToLong(z -> {
			long count = 0;
			final byte[] slice = labels[z];
			for (int i = 0; i < slice.length; i++) {
				if (slice[i] != nearestPhase(scores, z, i)) count++;
			}
			return count;
		}).sum();
	}

	private static int nearestPhase(final float[][][] scores, final int z, final int i) {
		if (scores.length == 1) return scores[0][z][i] > 0 ? 1 : 0;
		int best = 0;
		for (int p = 1; p < scores.length; p++) {
			if (scores[p][z][i] > scores[best][z][i]) best = p;
		}
		return best;
	}

	private static long total(final long[] targets) {
		long sum = 0;
		for (final long t : targets) {
			if (t < 0) {
				throw new IllegalArgumentException("targets must not be negative: " + Arrays.toString(
					targets));
			}
			sum += t;
		}
		return sum;
	}

	private static void checkSlices(final byte[][] slices, final VolumeShape shape) {
		if (slices.length != shape.sizeZ()) {
			throw new IllegalArgumentException(slices.length + " slices given, shape " + shape
				+ " has " + shape.sizeZ());
		}
		for (int z = 0; z < slices.length; z++) {
			if (slices[z].length != shape.sliceLength()) {
				throw new IllegalArgumentException("slice " + z + " has " + slices[z].length
					+ " voxels, shape " + shape + " needs " + shape.sliceLength());
			}
		}
	}
}
