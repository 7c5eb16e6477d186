package org.physgen.yukawa;

import java.util.Arrays;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.dsd.BatchShape;
import org.physgen.dsd.Grid;
import org.physgen.dsd.HopLeap;
import org.physgen.dsd.SampledCounts;
import org.physgen.dsd.SamplerSettings;
import org.physgen.dsd.TauLeapListener;
import org.physgen.lattice.Schedule;
import org.physgen.random.RandomStreams;

/**
 * The reverse Yukawa process (SPEC 13): from an empty box at the schedule's final time to t = 0,
 * with exactly {@code M_c} births per channel, so the final counts are the targets by
 * construction. The birth times are the forward death times, {@code M_c} iid draws from
 * {@code 1 − S}; each birth's voxel is drawn from the model's birth distribution evaluated on the
 * state just before it. Between births the alive particles hop with the model's rates by DSD's
 * tau-leap ({@link HopLeap}), and a step ends at the next birth time it would otherwise pass.
 * <p>
 * Step control: a step lasts at most {@code tolerance(t) / max R} (DSD's CFL rule), and it may take
 * in at most {@code max(1, ⌊birthFraction · n_c⌋)} births of any item and channel with n_c alive
 * particles; births inside a step are placed at its end, from one evaluation. With birthFraction 0
 * every step ends at the next birth, one evaluation per birth; a fraction f lets the particle
 * count grow by a factor (1 + f) per step, some {@code ln(M) / f} evaluations for M births.
 * <p>
 * Random numbers: death times from one stream per (item, channel), hops from one per (step, item,
 * channel, z slice) as in DSD, births from one per (step, item, channel): results do not depend on
 * the thread count.
 * <p>
 * Growth frames: a {@link GrowthRecorder} passed to a run receives copies of the state at equally
 * spaced reverse times, the volume growing from the empty box; it draws no random numbers, so the
 * counts are the same with and without it.
 */
public final class YukawaSampler {

	private static final long DEATH_KEY = 0x4445415448L;
	private static final long BIRTH_KEY = 0x4249525448L;
	private static final long HOP_KEY = 0x484F50L;

	private final Grid grid;
	private final int channels;
	private final Schedule schedule;
	private final Survival survival;
	private final BirthHopModel model;

	public YukawaSampler(final Grid grid, final int channels, final Schedule schedule, final Survival survival,
		final BirthHopModel model)
	{
		if (channels < 1) throw new IllegalArgumentException("channels must be positive, got " + channels);
		this.grid = grid;
		this.channels = channels;
		this.schedule = schedule;
		this.survival = survival;
		this.model = model;
	}

	/**
	 * @param masses {@code masses[b][c]}: particles of each batch item and channel, the target counts
	 * @param birthFraction births per step at most this fraction of the alive particles (at least
	 *          one), in [0, 1)
	 * @param listener told after every step
	 * @param cancelled polled once per step; the run ends with a {@link CancellationException}
	 * @return the final counts {@code [b][c][v]}, summing to the masses, and the evaluations
	 */
	public SampledCounts sample(final long[][] masses, final SamplerSettings settings, final double birthFraction,
		final TauLeapListener listener, final BooleanSupplier cancelled)
	{
		return sample(masses, settings, birthFraction, listener, cancelled, null);
	}

	/**
	 * As {@link #sample(long[][], SamplerSettings, double, TauLeapListener, BooleanSupplier)}, handing
	 * copies of the state to a recorder: the empty box at the start and the state after the births
	 * of each step that reaches a frame time. The counts are the same with and without it.
	 *
	 * @param recorder the growth frames to record, or null for none; its channel map must have this
	 *          sampler's channels
	 */
	public SampledCounts sample(final long[][] masses, final SamplerSettings settings, final double birthFraction,
		final TauLeapListener listener, final BooleanSupplier cancelled, final GrowthRecorder recorder)
	{
		if (!(birthFraction >= 0 && birthFraction < 1)) {
			throw new IllegalArgumentException("birth fraction must be in [0, 1), got " + birthFraction);
		}
		if (recorder != null && recorder.channels().channels() != channels) {
			throw new IllegalArgumentException("the growth recorder maps " + recorder.channels().channels()
				+ " channels, the sampler has " + channels);
		}
		final int batch = masses.length;
		final BatchShape shape = new BatchShape(batch, channels, grid);
		final double[][] times = birthTimes(masses, settings.seed());
		final int[][] born = new int[batch][channels];
		final int[][][] counts = new int[batch][channels][grid.voxels()];
		final float[] countsAsFloat = new float[shape.countsLength()];
		final float[] rates = new float[shape.ratesLength()];
		final float[] births = new float[shape.countsLength()];
		final double[] networkTime = new double[batch];
		final HopLeap hops = new HopLeap(grid);
		final double startTime = schedule.finalTime();
		double t = startTime;
		int evaluations = 0;
		if (recorder != null) recorder.start(grid, startTime, counts);
		for (long step = 0;; step++) {
			if (cancelled.getAsBoolean()) throw new CancellationException("sampling cancelled at t = " + t);
			if (t == 0 && allBorn(times, born)) {
				if (recorder != null) recorder.reached(t, counts);
				break;
			}
			for (int b = 0; b < batch; b++) {
				for (int c = 0; c < channels; c++) {
					final int[] n = counts[b][c];
					final int offset = shape.countsOffset(b, c);
					for (int v = 0; v < n.length; v++) countsAsFloat[offset + v] = n[v];
				}
			}
			Arrays.fill(networkTime, schedule.networkTimeOf(t));
			model.evaluate(shape, countsAsFloat, networkTime, rates, births);
			evaluations++;
			placeBirths(shape, times, born, counts, births, t, RandomStreams.derive(settings.seed(), BIRTH_KEY), step);
			if (recorder != null) recorder.reached(t, counts);
			if (t == 0) break;
			final double maxRate = hops.restrictAndMax(shape, counts, rates, null);
			double dt = maxRate > 0 ? settings.tolerance().at(t) / maxRate : t;
			dt = Math.min(t, Math.max(dt, settings.minStep()));
			final double next = Math.max(dt >= t ? 0 : t - dt, birthLimit(times, born, birthFraction));
			final long[][] before = HopLeap.masses(counts);
			hops.move(shape, counts, rates, t - next, RandomStreams.derive(settings.seed(), HOP_KEY), step);
			assert Arrays.deepEquals(before, HopLeap.masses(counts)) : "a hop step changed the mass";
			t = next;
			listener.stepped(evaluations, t, startTime);
		}
		assert recorder == null || recorder.finished() : "the run ended before the last growth frame";
		return new SampledCounts(counts, evaluations);
	}

	/** Birth times of each item and channel, latest first, {@code [b * channels + c][i]}. */
	private double[][] birthTimes(final long[][] masses, final long seed) {
		final double[][] times = new double[masses.length * channels][];
		for (int b = 0; b < masses.length; b++) {
			if (masses[b].length != channels) {
				throw new IllegalArgumentException("item " + b + " has " + masses[b].length + " masses, the sampler "
					+ channels + " channels");
			}
			for (int c = 0; c < channels; c++) {
				final long m = masses[b][c];
				if (m < 0 || m > grid.voxels()) {
					throw new IllegalArgumentException("mass " + m + " of item " + b + " channel " + c +
						" outside 0.." + grid.voxels());
				}
				times[b * channels + c] = DeathTimes.reverseOrder(survival, (int) m,
					RandomStreams.of(seed, DEATH_KEY, b, c));
			}
		}
		return times;
	}

	/**
	 * Places every birth not yet placed whose time is at least t, each at a voxel drawn from the
	 * item's and channel's birth distribution (inverse CDF).
	 */
	private void placeBirths(final BatchShape shape, final double[][] times, final int[][] born,
		final int[][][] counts, final float[] births, final double t, final long seed, final long step)
	{
		final int voxels = shape.voxels();
		IntStream.range(0, times.length).parallel().forEach(task -> {
			final int b = task / channels;
			final int c = task % channels;
			final double[] pending = times[task];
			if (born[b][c] >= pending.length || pending[born[b][c]] < t) return;
			final int offset = shape.countsOffset(b, c);
			final double[] cumulative = new double[voxels];
			double total = 0;
			for (int v = 0; v < voxels; v++) {
				final float p = births[offset + v];
				if (!(p >= 0) || Float.isInfinite(p)) {
					throw new IllegalStateException("birth model returned " + p + " at voxel " + v);
				}
				total += p;
				cumulative[v] = total;
			}
			if (!(total > 0)) throw new IllegalStateException("birth distribution of channel " + c + " is all 0");
			final UniformRandomProvider rng = RandomStreams.of(seed, step, task);
			final int[] n = counts[b][c];
			while (born[b][c] < pending.length && pending[born[b][c]] >= t) {
				final double u = rng.nextDouble() * total;
				int v = Arrays.binarySearch(cumulative, u);
				v = v >= 0 ? v + 1 : -v - 1;
				// skip voxels of probability 0 that share the cumulative value
				while (v < voxels - 1 && births[offset + v] == 0) v++;
				n[Math.min(v, voxels - 1)]++;
				born[b][c]++;
			}
		});
	}

	/**
	 * The latest time a step may end at: for each item and channel with k = max(1, ⌊f n⌋) births
	 * still to come, the time of the k-th, so that a step takes in at most k of them.
	 */
	private static double birthLimit(final double[][] times, final int[][] born, final double birthFraction) {
		final int channels = born[0].length;
		double limit = 0;
		for (int task = 0; task < times.length; task++) {
			final int alive = born[task / channels][task % channels];
			final int k = Math.max(1, (int) Math.floor(birthFraction * alive));
			final int index = alive + k - 1;
			if (index < times[task].length) limit = Math.max(limit, times[task][index]);
		}
		return limit;
	}

	private static boolean allBorn(final double[][] times, final int[][] born) {
		final int channels = born[0].length;
		for (int task = 0; task < times.length; task++) {
			if (born[task / channels][task % channels] < times[task].length) return false;
		}
		return true;
	}
}
