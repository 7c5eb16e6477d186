package org.physgen.dsd;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.lattice.AxisKernel;

/**
 * The forward draw of the particles that start in one z slice of one crop: where each particle
 * lands and its six per-axis kernel ratios {@code K(x_a +- 1 | x0_a) / K(x_a | x0_a)}, 0 for a
 * neighbour outside the box. Optionally each particle is kept independently with a probability
 * (thinning, as by the deaths of the Yukawa process); a removed particle does not walk and leaves
 * only its channel and origin.
 */
final class SliceDraw {

	final int[] channel;
	final int[] destination;
	/** {@code ratios[6 * i + direction]}. */
	final float[] ratios;
	/** Particles kept: the first {@code kept} entries of the arrays above are theirs. */
	int kept;
	/** Channel and origin voxel (grid index) of each removed particle, the first {@code removed}. */
	final int[] removedChannel;
	final int[] removedOrigin;
	int removed;

	private SliceDraw(final int particles, final boolean thinned) {
		channel = new int[particles];
		destination = new int[particles];
		ratios = new float[particles * Direction.COUNT];
		removedChannel = new int[thinned ? particles : 0];
		removedOrigin = new int[thinned ? particles : 0];
	}

	/**
	 * @param keep probability that a particle is kept, in [0, 1]; at 1 no random number is spent on
	 *          it, so the draws are those of plain noising
	 */
	static SliceDraw draw(final Grid grid, final ChannelMap channels, final byte[] labels,
		final int z0, final AxisKernel[] kernels, final double keep, final UniformRandomProvider rng)
	{
		final int sizeX = grid.sizeX();
		final int sliceLength = grid.sliceLength();
		if (labels.length != sliceLength) {
			throw new IllegalArgumentException("slice length " + labels.length + " != " + sliceLength);
		}
		int particles = 0;
		for (final byte label : labels) {
			if (channelOf(channels, label) >= 0) particles++;
		}
		final SliceDraw draw = new SliceDraw(particles, keep < 1);
		final int[] start = new int[3];
		final int[] end = new int[3];
		int i = 0;
		for (int j = 0; j < sliceLength; j++) {
			final int c = channelOf(channels, labels[j]);
			if (c < 0) continue;
			start[0] = j % sizeX;
			start[1] = j / sizeX;
			start[2] = z0;
			if (keep < 1 && rng.nextDouble() >= keep) {
				draw.removedChannel[draw.removed] = c;
				draw.removedOrigin[draw.removed++] = grid.index(start[0], start[1], start[2]);
				continue;
			}
			for (int a = 0; a < 3; a++) {
				final AxisKernel kernel = kernels[a];
				end[a] = kernel.sample(start[a], rng.nextDouble());
				final double here = kernel.probability(end[a], start[a]);
				for (int s = 0; s < 2; s++) {
					final int next = kernel.neighbour(end[a], s == 0 ? 1 : -1);
					draw.ratios[Direction.COUNT * i + 2 * a + s] = next < 0 ? 0f : (float) (kernel
						.probability(next, start[a]) / here);
				}
			}
			draw.channel[i] = c;
			draw.destination[i] = grid.index(end[0], end[1], end[2]);
			i++;
		}
		draw.kept = i;
		return draw;
	}

	private static int channelOf(final ChannelMap channels, final byte label) {
		final int phase = label & 0xFF;
		if (phase >= channels.phases()) {
			throw new IllegalArgumentException("label " + phase + " is not one of the "
				+ channels.phases() + " phases");
		}
		return channels.channelOf(phase);
	}
}
