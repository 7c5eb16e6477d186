package org.physgen.pfgm;

import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;

import org.physgen.random.RandomStreams;

/**
 * The EDM second-order (Heun) sampler for PFGM++ and EDM: starting from the kernel's prior at
 * sigma_max it integrates dx/dsigma = (x - D(x, sigma)) / sigma down the {@link SigmaGrid}, with a
 * Heun correction on every step except the last, which is an Euler step to sigma = 0. With r =
 * sigma sqrt(D) this is the PFGM++ ODE for every D. Optional {@link Churn} and
 * {@link MeanSteering}. Immutable; the {@code with} methods return modified copies.
 */
public final class HeunSampler {

	private final PerturbationKernel kernel;
	private final SigmaGrid grid;
	private final Churn churn;
	private final MeanSteering steering;
	private final HeunListener listener;
	private final BooleanSupplier cancelled;

	public HeunSampler(final PerturbationKernel kernel, final SigmaGrid grid) {
		this(kernel, grid, Churn.NONE, null, HeunListener.NONE, () -> false);
	}

	private HeunSampler(final PerturbationKernel kernel, final SigmaGrid grid, final Churn churn,
		final MeanSteering steering, final HeunListener listener, final BooleanSupplier cancelled)
	{
		this.kernel = kernel;
		this.grid = grid;
		this.churn = churn;
		this.steering = steering;
		this.listener = listener;
		this.cancelled = cancelled;
	}

	public HeunSampler withChurn(final Churn newChurn) {
		return new HeunSampler(kernel, grid, newChurn, steering, listener, cancelled);
	}

	/** Steering applied to every denoised estimate; null for none. */
	public HeunSampler withSteering(final MeanSteering newSteering) {
		return new HeunSampler(kernel, grid, churn, newSteering, listener, cancelled);
	}

	public HeunSampler withListener(final HeunListener newListener) {
		return new HeunSampler(kernel, grid, churn, steering, newListener, cancelled);
	}

	/** Checked before every step; when it returns true, sampling stops with a CancellationException. */
	public HeunSampler withCancellation(final BooleanSupplier newCancelled) {
		return new HeunSampler(kernel, grid, churn, steering, listener, newCancelled);
	}

	public PerturbationKernel kernel() {
		return kernel;
	}

	public SigmaGrid grid() {
		return grid;
	}

	/**
	 * Draws {@code batch} samples, all evaluated together in each denoiser call. Sample b depends
	 * only on (seed, b), never on the batch size or the thread count.
	 *
	 * @throws CancellationException when the cancellation check returns true
	 */
	public Samples sample(final Denoiser denoiser, final VolumeShape shape, final int batch,
		final long seed)
	{
		final HeunRun run = start(denoiser, shape, batch, seed);
		while (!run.finished()) {
			if (cancelled.getAsBoolean()) {
				throw new CancellationException("sampling cancelled after " + run.stepsDone() + " of "
					+ grid.steps() + " steps");
			}
			run.step();
			listener.stepDone(run.stepsDone(), grid.steps(), grid.sigma(run.stepsDone()), run
				.evaluations());
		}
		return new Samples(run.samples(), run.evaluations());
	}

	/** Draws the prior and returns a run that the caller advances step by step. */
	public HeunRun start(final Denoiser denoiser, final VolumeShape shape, final int batch,
		final long seed)
	{
		if (batch < 1) throw new IllegalArgumentException("batch = " + batch + " must be at least 1");
		final float[][] x = new float[batch][];
		final long priorSeed = RandomStreams.derive(seed, 0);
		for (int b = 0; b < batch; b++) x[b] = kernel.prior(shape.length(), grid.sigma(0), priorSeed, b);
		return new HeunRun(this, denoiser, shape, x, seed);
	}

	Churn churn() {
		return churn;
	}

	MeanSteering steering() {
		return steering;
	}
}
