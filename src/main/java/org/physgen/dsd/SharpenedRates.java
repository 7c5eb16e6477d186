package org.physgen.dsd;

/**
 * Rates of a tempered reverse process while structure forms: the reverse process of the count
 * distribution p_t^γ instead of p_t, as guidance scales temper score-based diffusion. A learned
 * model whose volumes come out smoother and less correlated than its data (too high a temperature)
 * is sharpened with γ > 1; γ = 1 leaves the rates as they are.
 * <p>
 * For identical particles hopping at forward rate r, the reverse rate of one particle at x to its
 * neighbour y is {@code R = r·c·p_t(n')/p_t(n)} with the counting factor
 * {@code c = (n(y) + 1)/n(x)} (SPEC 4.3: the forward process returns from n' to n at rate
 * r·n'(y), shared by the n(x) particles at x). Tempering p_t raises only the probability ratio:
 * {@code R_γ = r·c·(R/(r·c))^γ}. Raising the whole ratio R/r instead would temper the density of
 * labelled particles, whose weight ∏ n(v)! grows when particles share a voxel: it speeds up hops
 * onto occupied voxels and slows down hops off crowded ones, so more particles end on shared voxels
 * and more have to be moved by the occupancy repair.
 */
public final class SharpenedRates implements RateModel {

	private static final Direction[] DIRECTIONS = Direction.values();

	private final RateModel rates;
	private final double forwardRate;
	private final double power;
	private final double fromNetworkTime;

	/**
	 * @param rates the model's rates
	 * @param forwardRate forward hop rate r
	 * @param power γ, positive
	 * @param fromNetworkTime the power applies to batch items at this network time or later;
	 *          earlier ones keep the model's rates
	 * @throws IllegalArgumentException naming {@code sharpening} when γ is not positive and finite
	 */
	public SharpenedRates(final RateModel rates, final double forwardRate, final double power,
		final double fromNetworkTime)
	{
		if (!(power > 0 && power < Double.POSITIVE_INFINITY)) {
			throw new IllegalArgumentException("sharpening must be a positive number, got " + power);
		}
		this.rates = rates;
		this.forwardRate = forwardRate;
		this.power = power;
		this.fromNetworkTime = fromNetworkTime;
	}

	/** Rates of voxels without particles are left as the model gives them: no particle uses them. */
	@Override
	public void rates(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] out)
	{
		rates.rates(shape, counts, networkTime, out);
		if (power == 1) return;
		final Grid grid = shape.grid();
		for (int b = 0; b < shape.batch(); b++) {
			if (networkTime[b] < fromNetworkTime) continue;
			for (int c = 0; c < shape.channels(); c++) {
				final int n = shape.countsOffset(b, c);
				for (final Direction d : DIRECTIONS) {
					final int offset = shape.ratesOffset(b, c, d);
					for (int v = 0; v < grid.voxels(); v++) {
						final int i = offset + v;
						final int next = grid.neighbour(v, d);
						if (!(out[i] > 0) || counts[n + v] <= 0 || next < 0) continue;
						// the rate of a hop that leaves p_t unchanged
						final double neutral = forwardRate * (counts[n + next] + 1) / counts[n + v];
						out[i] = (float) (neutral * Math.pow(out[i] / neutral, power));
					}
				}
			}
		}
	}
}
