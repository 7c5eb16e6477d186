package org.physgen.yukawa;

import java.util.stream.IntStream;

import org.physgen.dsd.BatchShape;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.ForwardNoising;
import org.physgen.dsd.Grid;
import org.physgen.dsd.KernelBlur;
import org.physgen.dsd.ThinnedBatch;
import org.physgen.lattice.Schedule;

/**
 * The forward Yukawa process of label crops with particle identities (SPEC 13): each particle is
 * alive at time t with probability S(t), independently of where it is, and an alive one is at
 * {@code x ~ p_t(. | x0)}, DSD's walk. Returns the hop targets of the alive particles and the birth
 * target, the separable blur of the dead particles' origins normalised over the voxels. Death times
 * are independent of the walk, so which particles are dead at t is a thinning of the crop, and
 * where a dead particle would be is the blur of its origin: the exact conditional expectation of
 * the place of the next reverse birth. Seeded like {@link ForwardNoising}: results do not depend
 * on the thread count.
 */
public final class YukawaNoising {

	private final ForwardNoising walk;
	private final Survival survival;

	/**
	 * @param rate hop rate r per direction, positive and finite
	 * @param schedule the time indices training draws from
	 */
	public YukawaNoising(final Grid grid, final ChannelMap channels, final double rate, final Schedule schedule,
		final Survival survival)
	{
		walk = new ForwardNoising(grid, channels, rate, schedule);
		this.survival = survival;
	}

	public Schedule schedule() {
		return walk.schedule();
	}

	public double rate() {
		return walk.rate();
	}

	public Survival survival() {
		return survival;
	}

	/**
	 * @param crops {@code crops[b][z]}: label slices of each crop, phase indices
	 * @param timeIndex k in 1..T-1 for each crop
	 */
	public YukawaBatch noise(final byte[][][] crops, final int[] timeIndex, final long seed) {
		final Schedule schedule = walk.schedule();
		final double[] keep = new double[crops.length];
		for (int b = 0; b < keep.length; b++) {
			if (timeIndex[b] < 1 || timeIndex[b] >= schedule.steps()) {
				throw new IllegalArgumentException("time index " + timeIndex[b] + " outside 1.." + (schedule.steps() - 1));
			}
			keep[b] = survival.at(schedule.time(timeIndex[b]));
		}
		final ThinnedBatch thinned = walk.noiseThinned(crops, timeIndex, keep, seed);
		final BatchShape shape = thinned.kept().shape();
		final Grid grid = shape.grid();
		final int channels = shape.channels();
		final int voxels = shape.voxels();
		final float[] births = new float[shape.countsLength()];
		final double[] weights = new double[crops.length * channels];
		final double[] particles = new double[crops.length];
		final float[] alive = thinned.kept().counts();
		final float[] dead = thinned.removed();
		IntStream.range(0, crops.length * channels).parallel().forEach(task -> {
			final int b = task / channels;
			final int offset = shape.countsOffset(b, task % channels);
			final double[] origins = new double[voxels];
			double deadCount = 0;
			for (int v = 0; v < voxels; v++) {
				origins[v] = dead[offset + v];
				deadCount += origins[v];
			}
			if (deadCount == 0) return;
			double aliveCount = 0;
			for (int v = 0; v < voxels; v++) aliveCount += alive[offset + v];
			final double t = schedule.time(timeIndex[b]);
			final double[] blurred = KernelBlur.apply(grid, walk.rate() * t, origins);
			for (int v = 0; v < voxels; v++) births[offset + v] = (float) (blurred[v] / deadCount);
			weights[task] = survival.deathDensity(t) * (aliveCount + deadCount);
		});
		for (int b = 0; b < crops.length; b++) {
			for (int c = 0; c < channels; c++) {
				final int offset = shape.countsOffset(b, c);
				for (int v = 0; v < voxels; v++) particles[b] += alive[offset + v] + dead[offset + v];
			}
		}
		return new YukawaBatch(thinned.kept(), births, weights, particles);
	}
}
