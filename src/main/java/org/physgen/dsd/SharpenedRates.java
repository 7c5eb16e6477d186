package org.physgen.dsd;

/**
 * Rates of a tempered reverse process while structure forms: each rate's ratio to the forward hop
 * rate r is raised to the power γ, {@code r·(R/r)^γ}. A rate ratio of a single particle is the ratio
 * of marginal densities p_t(y')/p_t(y) (SPEC 4.3), so the power gives the reverse rates of the
 * tempered marginals p_t^γ, as guidance scales do in score-based diffusion. A learned model whose
 * volumes come out smoother and less correlated than its data (too high a temperature) is sharpened
 * with γ > 1; γ = 1 leaves the rates as they are.
 */
public final class SharpenedRates implements RateModel {

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

	@Override
	public void rates(final BatchShape shape, final float[] counts, final double[] networkTime,
		final float[] out)
	{
		rates.rates(shape, counts, networkTime, out);
		if (power == 1) return;
		final int perItem = shape.ratesLength() / shape.batch();
		for (int b = 0; b < shape.batch(); b++) {
			if (networkTime[b] < fromNetworkTime) continue;
			for (int i = b * perItem; i < (b + 1) * perItem; i++) {
				if (out[i] > 0) out[i] = (float) (forwardRate * Math.pow(out[i] / forwardRate, power));
			}
		}
	}
}
