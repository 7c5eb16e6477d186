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
	 * Process likelihood (Poisson-Bregman) as a divergence per particle and direction, weighted per
	 * item: {@code mean_b(w_b · sum(y - R ln max(y, 1e-8) - (R - R ln R)) / (6 · particles_b))}
	 * over the channels, directions and voxels of each item, with {@link TimeWeighting} weights
	 * w_b. The subtracted target term does not depend on the rates: it only makes each item's loss
	 * non-negative and 0 at the targets, so that losses of different times and crops compare.
	 */
	public static double processLikelihood(final BatchShape shape, final float[] rates,
		final float[] counts, final float[] targets, final double[] weight)
	{
		check(shape, rates, counts, targets);
		double sum = 0;
		for (int b = 0; b < shape.batch(); b++) {
			sum += weight[b] * itemDivergence(shape, b, rates, counts, targets);
		}
		return sum / shape.batch();
	}

	/**
	 * The unweighted divergence of the whole batch per particle and direction,
	 * {@code sum(y - R ln max(y, 1e-8) - (R - R ln R)) / (6 · particles)}: non-negative and 0 only
	 * when every site total equals its target, so losses at different times compare.
	 */
	public static double divergence(final BatchShape shape, final float[] rates, final float[] counts,
		final float[] targets)
	{
		check(shape, rates, counts, targets);
		double sum = 0;
		double particles = 0;
		for (int b = 0; b < shape.batch(); b++) {
			final double n = particles(shape, b, counts);
			sum += n * itemDivergence(shape, b, rates, counts, targets);
			particles += n;
		}
		return particles == 0 ? 0 : sum / particles;
	}

	/** Particles of item b, all channels. */
	public static double particles(final BatchShape shape, final int b, final float[] counts) {
		double n = 0;
		for (int c = 0; c < shape.channels(); c++) {
			final int offset = shape.countsOffset(b, c);
			for (int v = 0; v < shape.voxels(); v++) n += counts[offset + v];
		}
		return n;
	}

	/** The target's own term {@code R - R ln R}, 0 for R = 0. */
	public static double targetTerm(final double target) {
		return target > 0 ? processLikelihoodTerm(target, target) : 0;
	}

	/** Process-likelihood term of one entry: site total y, target R. */
	private static double processLikelihoodTerm(final double y, final double target) {
		return y - target * Math.log(Math.max(y, LOG_FLOOR));
	}

	private static double itemDivergence(final BatchShape shape, final int b, final float[] rates,
		final float[] counts, final float[] targets)
	{
		final double n = particles(shape, b, counts);
		return n == 0 ? 0 : itemSum(shape, b, rates, counts, targets) / (Direction.COUNT * n);
	}

	/**
	 * The divergence of item b summed over its channels, directions and voxels,
	 * {@code sum(y - R ln max(y, 1e-8) - (R - R ln R))}: the rate at which the process likelihood
	 * of the item's rates falls short of that of its targets, per unit time.
	 */
	public static double itemSum(final BatchShape shape, final int b, final float[] rates,
		final float[] counts, final float[] targets)
	{
		check(shape, rates, counts, targets);
		final int voxels = shape.voxels();
		double sum = 0;
		for (int c = 0; c < shape.channels(); c++) {
			final int countsOffset = shape.countsOffset(b, c);
			for (final Direction d : Direction.values()) {
				final int offset = shape.ratesOffset(b, c, d);
				for (int v = 0; v < voxels; v++) {
					final double y = (double) rates[offset + v] * counts[countsOffset + v];
					final double target = targets[offset + v];
					sum += processLikelihoodTerm(y, target) - targetTerm(target);
				}
			}
		}
		return sum;
	}

	private static void check(final BatchShape shape, final float[] rates, final float[] counts,
		final float[] targets)
	{
		if (rates.length != shape.ratesLength() || targets.length != shape.ratesLength()
			|| counts.length != shape.countsLength())
		{
			throw new IllegalArgumentException("array lengths do not match the batch shape");
		}
	}
}
