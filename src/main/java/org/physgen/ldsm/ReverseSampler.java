package org.physgen.ldsm;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.ZigguratSampler;
import org.physgen.pfgm.Blocks;
import org.physgen.pfgm.Samples;
import org.physgen.pfgm.VolumeShape;
import org.physgen.random.RandomStreams;

/**
 * The local-DSM sampler (SPEC §12): draws every value from the prior π of its channel's well
 * (inverse CDF), then integrates from t_0 = T down to t_n = t_min of a {@link TimeGrid}, by
 * Euler–Maruyama on the reverse SDE {@code dy = [f − 2s] dt + √2 dW̄} or by Heun on the
 * probability-flow ODE {@code dy = [f − s] dt} (Euler on the last step, as EDM's sampler),
 * optionally steered after every step ({@link FractionSteering}).
 * Immutable; the {@code with} methods return modified copies.
 */
public final class ReverseSampler {

	private static final long PRIOR_KEY = 0x5052494FL;

	/** Largest |y| a step leaves. */
	public static final float BOUND = 5;

	private final SamplerKind kind;
	private final TimeGrid grid;
	private final double barrier;
	private final StepListener listener;
	private final BooleanSupplier cancelled;
	private final FractionSteering steering;

	/** @param barrier a > 0 of the forward process */
	public ReverseSampler(final SamplerKind kind, final TimeGrid grid, final double barrier) {
		this(kind, grid, barrier, StepListener.NONE, () -> false, null);
	}

	private ReverseSampler(final SamplerKind kind, final TimeGrid grid, final double barrier,
		final StepListener listener, final BooleanSupplier cancelled, final FractionSteering steering)
	{
		if (!(barrier > 0) || Double.isInfinite(barrier)) {
			throw new IllegalArgumentException("barrier must be positive and finite, got " + barrier);
		}
		this.kind = kind;
		this.grid = grid;
		this.barrier = barrier;
		this.listener = listener;
		this.cancelled = cancelled;
		this.steering = steering;
	}

	public ReverseSampler withListener(final StepListener newListener) {
		return new ReverseSampler(kind, grid, barrier, newListener, cancelled, steering);
	}

	/** Checked before every step; when it returns true, sampling stops with a CancellationException. */
	public ReverseSampler withCancellation(final BooleanSupplier newCancelled) {
		return new ReverseSampler(kind, grid, barrier, listener, newCancelled, steering);
	}

	/** Steering applied after every step; null for none. */
	public ReverseSampler withSteering(final FractionSteering newSteering) {
		return new ReverseSampler(kind, grid, barrier, listener, cancelled, newSteering);
	}

	/** Score evaluations per sample of a run. */
	public int evaluations() {
		return kind == SamplerKind.SDE ? grid.steps() : 2 * grid.steps() - 1;
	}

	/**
	 * Draws {@code batch} samples, all evaluated together in each score call. Sample b depends only
	 * on (seed, b), never on the batch size or the thread count.
	 *
	 * @param tilts h of each channel's well
	 * @throws CancellationException when the cancellation check returns true
	 * @throws IllegalStateException when a value is not a number (the score returned one)
	 */
	public Samples sample(final Score score, final VolumeShape shape, final double[] tilts, final int batch,
		final long seed)
	{
		if (batch < 1) throw new IllegalArgumentException("batch = " + batch + " must be at least 1");
		final DoubleWell[] wells = new ForwardProcess(barrier, ForwardProcess.STEP_LIMIT).wells(shape, tilts);
		float[][] y = prior(wells, shape, batch, seed);
		float[][] next = new float[batch][shape.length()];
		final float[][] first = new float[batch][shape.length()];
		final float[][] second = new float[batch][shape.length()];
		int evaluations = 0;
		for (int i = 0; i < grid.steps(); i++) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException("sampling cancelled after " + i + " of " + grid.steps() + " steps");
			}
			final double t = grid.time(i), tNext = grid.time(i + 1), h = t - tNext;
			score.evaluate(shape, y, t, first);
			evaluations++;
			if (kind == SamplerKind.SDE) {
				reverseSdeStep(wells, shape, y, first, h, RandomStreams.derive(seed, i + 1), next);
			}
			else {
				flowStep(wells, shape, y, first, null, h, next);
				if (i + 1 < grid.steps()) {
					score.evaluate(shape, next, tNext, second);
					evaluations++;
					flowStep(wells, shape, y, first, second, h, next);
				}
			}
			final float[][] done = y;
			y = next;
			next = done;
			if (steering != null) steering.apply(shape, y);
			listener.stepDone(i + 1, grid.steps(), tNext, evaluations);
		}
		requireFinite(y);
		return new Samples(y, evaluations);
	}

	private float[][] prior(final DoubleWell[] wells, final VolumeShape shape, final int batch, final long seed) {
		final StationaryDensity[] priors = new StationaryDensity[wells.length];
		for (int c = 0; c < wells.length; c++) priors[c] = new StationaryDensity(wells[c]);
		final int voxels = shape.voxels();
		final float[][] y = new float[batch][shape.length()];
		final long priorSeed = RandomStreams.derive(seed, PRIOR_KEY);
		Blocks.forEach(batch, shape.length(), (b, block, from, to) -> {
			final UniformRandomProvider rng = RandomStreams.of(priorSeed, b, block);
			for (int k = from; k < to; k++) y[b][k] = (float) priors[k / voxels].quantile(rng.nextDouble());
		});
		return y;
	}

	/** y ← y − (f(y) − 2s)·h + √(2h)·z, going back by h. */
	private static void reverseSdeStep(final DoubleWell[] wells, final VolumeShape shape, final float[][] y,
		final float[][] score, final double h, final long stepSeed, final float[][] out)
	{
		final int voxels = shape.voxels();
		final double noise = Math.sqrt(2 * h);
		Blocks.forEach(y.length, shape.length(), (b, block, from, to) -> {
			final ZigguratSampler.NormalizedGaussian gauss = ZigguratSampler.NormalizedGaussian.of(
				RandomStreams.of(stepSeed, b, block));
			for (int k = from; k < to; k++) {
				final double v = y[b][k];
				out[b][k] = clamp(v - (wells[k / voxels].drift(v) - 2 * score[b][k]) * h + noise * gauss.sample());
			}
		});
	}

	/**
	 * With {@code second == null} the Euler predictor {@code y − h·g(y, t)}, g = f − s; otherwise
	 * the Heun corrector {@code y − h/2·(g(y, t) + g(ŷ, t_next))} with ŷ the predictor in {@code out}.
	 */
	private static void flowStep(final DoubleWell[] wells, final VolumeShape shape, final float[][] y,
		final float[][] score, final float[][] second, final double h, final float[][] out)
	{
		final int voxels = shape.voxels();
		Blocks.forEach(y.length, shape.length(), (b, block, from, to) -> {
			for (int k = from; k < to; k++) {
				final DoubleWell well = wells[k / voxels];
				final double v = y[b][k];
				final double slope = well.drift(v) - score[b][k];
				if (second == null) {
					out[b][k] = clamp(v - h * slope);
				}
				else {
					final double predicted = out[b][k];
					out[b][k] = clamp(v - 0.5 * h * (slope + well.drift(predicted) - second[b][k]));
				}
			}
		});
	}

	private static float clamp(final double y) {
		return (float) Math.max(-BOUND, Math.min(BOUND, y));
	}

	private void requireFinite(final float[][] y) {
		for (final float[] sample : y) {
			for (final float v : sample) {
				if (!Float.isFinite(v)) {
					throw new IllegalStateException("the " + kind.label() + " sampler ended with a value that is not a"
						+ " number: the score returned one");
				}
			}
		}
	}
}
