package org.physgen.dsd;

import java.util.Arrays;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.lattice.Schedule;
import org.physgen.random.RandomStreams;

/** Initial states {@code n[c][v]} for {@link TauLeapSampler}. */
public final class SamplerStarts {

	private static final long PURPOSE = 0x5374617274L;
	private static final double MIXING_FACTOR = 0.13;

	private SamplerStarts() {}

	/**
	 * Each of the {@code masses[c]} particles of channel c at an independent, uniformly random voxel
	 * (of the mask, when one is given): the t = 1 state of a walk that has mixed the box.
	 *
	 * @param evolving voxels that may receive particles, or null for all
	 */
	public static int[][] uniform(final Grid grid, final long[] masses, final boolean[] evolving,
		final long seed)
	{
		final int[] sites = evolvingSites(grid, evolving);
		if (sites.length == 0) throw new IllegalArgumentException("the mask selects no voxel");
		final int[][] counts = new int[masses.length][grid.voxels()];
		for (int c = 0; c < masses.length; c++) {
			if (masses[c] < 0) throw new IllegalArgumentException("negative mass " + masses[c]);
			final UniformRandomProvider rng = RandomStreams.of(seed, PURPOSE, c);
			for (long i = 0; i < masses[c]; i++) {
				counts[c][sites[rng.nextInt(sites.length)]]++;
			}
		}
		return counts;
	}

	/**
	 * Whether the forward walk mixes the box by the schedule's final time ({@code r t >= 0.13 L^2}
	 * for the longest edge L). If not, a uniform start is far from the t = 1 distribution the model
	 * learned: start from {@link #noised} instead, or warn the user.
	 */
	public static boolean mixes(final Grid grid, final double rate, final Schedule schedule) {
		final int longest = Math.max(grid.sizeX(), Math.max(grid.sizeY(), grid.sizeZ()));
		return rate * schedule.finalTime() >= MIXING_FACTOR * longest * longest;
	}

	/** A crop forward-noised to the schedule's final time (for walks that do not mix the box). */
	public static int[][] noised(final ForwardNoising noising, final byte[][] crop, final long seed) {
		return noising.noisedCounts(crop, noising.schedule().steps() - 1, seed);
	}

	/**
	 * Inpainting start: outside the mask the counts of the known volume (which the sampler then
	 * keeps frozen); inside, the known volume's particles of the masked region at uniformly random
	 * masked voxels, so the masses of the result equal the known volume's.
	 */
	public static int[][] inpainting(final Grid grid, final ChannelMap channels,
		final byte[][] known, final boolean[] evolving, final long seed)
	{
		return inpainting(grid, channels, known, evolving, null, seed);
	}

	/**
	 * Inpainting start whose masked region holds {@code regionCounts[p]} voxels of each phase p
	 * (null keeps the region's current counts); outside the mask the known volume's counts.
	 *
	 * @throws IllegalArgumentException when the region counts do not add up to the masked voxels
	 */
	public static int[][] inpainting(final Grid grid, final ChannelMap channels,
		final byte[][] known, final boolean[] evolving, final long[] regionCounts, final long seed)
	{
		final int[][] counts = new int[channels.channels()][grid.voxels()];
		long[] maskedMass = new long[channels.channels()];
		long maskedVoxels = 0;
		final int sliceLength = grid.sliceLength();
		for (int v = 0; v < grid.voxels(); v++) {
			if (evolving[v]) maskedVoxels++;
			final int c = channels.channelOf(known[v / sliceLength][v % sliceLength] & 0xFF);
			if (c < 0) continue;
			if (evolving[v]) maskedMass[c]++;
			else counts[c][v] = 1;
		}
		if (regionCounts != null) maskedMass = regionMasses(channels, regionCounts, maskedVoxels);
		final int[][] masked = uniform(grid, maskedMass, evolving, seed);
		for (int c = 0; c < counts.length; c++) {
			for (int v = 0; v < grid.voxels(); v++) {
				counts[c][v] += masked[c][v];
			}
		}
		return counts;
	}

	private static long[] regionMasses(final ChannelMap channels, final long[] regionCounts,
		final long maskedVoxels)
	{
		if (regionCounts.length != channels.phases()) {
			throw new IllegalArgumentException("region counts list " + regionCounts.length +
				" phases, the model has " + channels.phases());
		}
		long sum = 0;
		for (final long n : regionCounts) {
			if (n < 0) throw new IllegalArgumentException("region counts must not be negative: " +
				Arrays.toString(regionCounts));
			sum += n;
		}
		if (sum != maskedVoxels) {
			throw new IllegalArgumentException("region counts " + Arrays.toString(regionCounts) +
				" add up to " + sum + ", but the region has " + maskedVoxels + " voxels");
		}
		final long[] masses = new long[channels.channels()];
		for (int c = 0; c < masses.length; c++) masses[c] = regionCounts[channels.phaseOf(c)];
		return masses;
	}

	private static int[] evolvingSites(final Grid grid, final boolean[] evolving) {
		if (evolving == null) {
			final int[] all = new int[grid.voxels()];
			for (int v = 0; v < all.length; v++) {
				all[v] = v;
			}
			return all;
		}
		if (evolving.length != grid.voxels()) {
			throw new IllegalArgumentException("mask has " + evolving.length + " voxels, grid "
				+ grid.voxels());
		}
		int n = 0;
		for (final boolean e : evolving) {
			if (e) n++;
		}
		final int[] sites = new int[n];
		int i = 0;
		for (int v = 0; v < evolving.length; v++) {
			if (evolving[v]) sites[i++] = v;
		}
		return sites;
	}
}
