package org.physgen.train;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.mass.PhaseCounts;
import org.physgen.nn.TrainingData;
import org.physgen.volume.RandomStreams;

/** Exact per-volume phase counts for a {@link TargetFractions} choice. */
final class GenerationTargets {

	private static final long SAMPLE_KEY = 0x53414D50L;

	private GenerationTargets() {}

	/**
	 * @return {@code counts[i][p]}: voxels of phase p in volume i
	 * @throws IllegalArgumentException naming {@code fractions} when they do not fit the model
	 */
	static long[][] counts(final TargetFractions targets, final int count, final long voxels,
		final int phases, final TrainingData data, final long seed)
	{
		final long[][] counts = new long[count][];
		switch (targets.kind()) {
			case EXPLICIT -> {
				final double[] f = targets.fractions();
				if (f.length != phases - 1) {
					throw new IllegalArgumentException("fractions: the model has " + phases + " phases, so give " +
						(phases - 1) + " fraction" + (phases == 2 ? "" : "s") + " (phases 1.." + (phases - 1) +
						"), got " + f.length);
				}
				final long[] c = PhaseCounts.fromFractions(f, voxels);
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

	private static TrainingData requireData(final TrainingData data) {
		if (data == null || data.cropFractions().isEmpty()) {
			throw new IllegalArgumentException("fractions: this model stores no training fractions " +
				"(it was imported), so give the fractions explicitly");
		}
		return data;
	}
}
