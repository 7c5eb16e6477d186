package org.physgen.yukawa;

/**
 * A copy of the reverse Yukawa state at one frame time of a {@link GrowthRecorder}: which voxels
 * hold which phase while the volume grows from the empty box (SPEC 13, the "growth" movie).
 *
 * @param index frame number k in 0..F−1
 * @param time the frame's reverse time {@code t_k = start · (F − 1 − k) / (F − 1)}: the schedule's
 *          final time (the empty box) for k = 0 and exactly 0 for k = F − 1
 * @param samplerTime the sampler time at which the copy was taken: the first one at or below
 *          {@code t_k} that the sampler reached, with every birth up to it placed. The sampler's steps
 *          do not stop at frame times (so that recording changes nothing), and one step may pass
 *          several of them, which then show the same state; it equals {@code t_k} for the first and
 *          the last frame
 * @param labels {@code labels[b][z][x + sizeX·y]}: per batch item the phase each voxel shows: the
 *          phase of the channel with the most particles there (the lower channel on a tie), or the
 *          implied phase, the background, where no particle is. Before the occupancy repair a voxel
 *          may hold several particles, so there may be fewer voxels of a phase than particles
 * @param particles {@code particles[b][c]}: alive particles of each batch item and channel
 */
public record GrowthFrame(int index, double time, double samplerTime, byte[][][] labels, long[][] particles) {

	/** Alive particles of one batch item, over all channels. */
	public long totalParticles(final int item) {
		long total = 0;
		for (final long n : particles[item]) total += n;
		return total;
	}
}
