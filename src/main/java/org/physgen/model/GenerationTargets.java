package org.physgen.model;

import java.util.Arrays;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.mass.PhaseCounts;
import org.physgen.nn.TrainingData;
import org.physgen.random.RandomStreams;
import org.physgen.volume.PhaseTable;

/** Exact per-volume phase counts for a {@link TargetFractions} choice. */
public final class GenerationTargets {

	private static final long SAMPLE_KEY = 0x53414D50L;

	private GenerationTargets() {}

	/**
	 * @return {@code counts[i][p]}: voxels of phase p in volume i
	 * @throws IllegalArgumentException naming {@code fractions} when they do not fit the model
	 */
	public static long[][] counts(final TargetFractions targets, final int count, final long voxels,
		final PhaseTable phases, final TrainingData data, final long seed)
	{
		final long[][] counts = new long[count][];
		switch (targets.kind()) {
			case EXPLICIT -> {
				final long[] c = check(targets, phases, voxels);
				for (int i = 0; i < count; i++) counts[i] = c.clone();
			}
			case TRAINING_MEAN -> {
				final long[] c = PhaseCounts.fromFractions(requireData(data).fractionMean(), voxels);
				for (int i = 0; i < count; i++) counts[i] = c.clone();
			}
			case SAMPLE -> {
				final List<double[]> crops = requireData(data).cropFractions();
				for (int i = 0; i < count; i++) {
					final UniformRandomProvider rng = RandomStreams.of(seed, SAMPLE_KEY, i);
					counts[i] = PhaseCounts.fromFractions(crops.get(rng.nextInt(crops.size())), voxels);
				}
			}
		}
		return counts;
	}

	/**
	 * Explicit fractions must list one value per phase 1..P-1 and give every phase a voxel.
	 *
	 * @return the exact counts of phases 0..P-1 of explicit fractions, null for the other kinds
	 * @throws IllegalArgumentException naming {@code fractions}
	 */
	static long[] check(final TargetFractions targets, final PhaseTable phases, final long voxels) {
		if (targets.kind() != TargetFractions.Kind.EXPLICIT) return null;
		final double[] f = targets.fractions();
		final int p = phases.phaseCount();
		if (f.length != p - 1) {
			throw new IllegalArgumentException("fractions " + Arrays.toString(f) + " gives " + f.length +
				" value" + (f.length > 1 ? "s" : "") + ", but the model has " + p + " phases " + phases.names() +
				": give " + (p - 1) + " (phases 1.." + (p - 1) + ")");
		}
		return PhaseCounts.fromFractions(f, voxels);
	}

	private static TrainingData requireData(final TrainingData data) {
		if (data == null || data.cropFractions().isEmpty()) {
			throw new IllegalArgumentException("fractions: this model stores no training fractions " +
				"(it was imported), so give the fractions explicitly");
		}
		return data;
	}

	/**
	 * The condition of a conditioned network: each batch item's target fractions of phases 1..P-1.
	 *
	 * @param targets counts of phases 0..P-1 per volume
	 * @param first the batch's first volume
	 * @return batch·(P−1) fractions, item-major
	 */
	public static float[] networkCondition(final long[][] targets, final int first, final int batch,
		final long voxels)
	{
		final int k = targets[0].length - 1;
		final float[] condition = new float[batch * k];
		for (int b = 0; b < batch; b++) {
			for (int p = 0; p < k; p++) condition[b * k + p] = (float) (targets[first + b][p + 1] / (double) voxels);
		}
		return condition;
	}
}
