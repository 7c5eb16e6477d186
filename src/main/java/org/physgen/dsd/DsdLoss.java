package org.physgen.dsd;

/**
 * Training losses between predicted per-particle rates and reverse-rate targets (SPEC 4.3), as
 * plain functions over the flat arrays of {@link BatchShape}; the site total of direction d at
 * voxel x is the per-particle rate times the count, {@code y(x) = rate_d(x) n(x)}. These are the
 * reference formulas that tensor implementations must reproduce.
 */
public final class DsdLoss {

	/** Floor inside the logarithm of the process-likelihood loss. */
	public static final double LOG_FLOOR = 1e-8;

	private DsdLoss() {}

	/**
	 * Process likelihood (Poisson-Bregman): {@code mean(w_b (y - R ln max(y, 1e-8)))} over all
	 * items, channels, directions and voxels, weighted by each item's {@link TimeWeighting} w_b.
	 */
	public static double processLikelihood(final BatchShape shape, final float[] rates,
		final float[] counts, final float[] targets, final double[] weight)
	{
		return mean(shape, rates, counts, targets, weight, true);
	}

	/**
	 * Process-likelihood loss minus its value at the targets themselves, per particle and
	 * direction: {@code sum(y - R - R ln(y / R)) / (6 · particles)}, non-negative and 0 only when
	 * every site total equals its target; unweighted, so losses at different times compare. Sites
	 * where the model's total is 0 but the target is not count as the floor 1e-8.
	 */
	public static double divergence(final BatchShape shape, final float[] rates, final float[] counts,
		final float[] targets)
	{
		final int voxels = shape.voxels();
		double sum = 0;
		double particles = 0;
		for (int b = 0; b < shape.batch(); b++) {
			for (int c = 0; c < shape.channels(); c++) {
				final int countsOffset = shape.countsOffset(b, c);
				for (int v = 0; v < voxels; v++) particles += counts[countsOffset + v];
				for (final Direction d : Direction.values()) {
					final int offset = shape.ratesOffset(b, c, d);
					for (int v = 0; v < voxels; v++) {
						final double y = (double) rates[offset + v] * counts[countsOffset + v];
						final double target = targets[offset + v];
						sum += processLikelihoodTerm(y, target) - (target > 0 ? processLikelihoodTerm(target,
							target) : 0);
					}
				}
			}
		}
		return particles == 0 ? 0 : sum / (Direction.COUNT * particles);
	}

	/** L1 on site totals: {@code mean |y - R|}. */
	public static double l1(final BatchShape shape, final float[] rates, final float[] counts,
		final float[] targets)
	{
		return mean(shape, rates, counts, targets, null, false);
	}

	/** Process-likelihood term of one entry: site total y, target R. */
	public static double processLikelihoodTerm(final double y, final double target) {
		return y - target * Math.log(Math.max(y, LOG_FLOOR));
	}

	private static double mean(final BatchShape shape, final float[] rates, final float[] counts,
		final float[] targets, final double[] weight, final boolean likelihood)
	{
		if (rates.length != shape.ratesLength() || targets.length != shape.ratesLength()
			|| counts.length != shape.countsLength())
		{
			throw new IllegalArgumentException("array lengths do not match the batch shape");
		}
		final int voxels = shape.voxels();
		double sum = 0;
		for (int b = 0; b < shape.batch(); b++) {
			double item = 0;
			for (int c = 0; c < shape.channels(); c++) {
				final int countsOffset = shape.countsOffset(b, c);
				for (final Direction d : Direction.values()) {
					final int offset = shape.ratesOffset(b, c, d);
					for (int v = 0; v < voxels; v++) {
						final double y = (double) rates[offset + v] * counts[countsOffset + v];
						final double target = targets[offset + v];
						item += likelihood ? processLikelihoodTerm(y, target) : Math.abs(y - target);
					}
				}
			}
			sum += likelihood ? weight[b] * item : item;
		}
		return sum / shape.ratesLength();
	}
}
