package org.physgen.yukawa;

import java.util.stream.IntStream;

import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.Grid;

/**
 * Records the reverse Yukawa trajectory as F frames at equally spaced reverse times, from the
 * empty box at the schedule's final time (frame 0) to the end of the run at t = 0 (frame F − 1,
 * the counts the sampler returns, before the occupancy repair). A {@link YukawaSampler} given a
 * recorder hands it its state after the births of every step; the recorder copies it, as phase
 * labels, for each frame time the step reached ({@link GrowthFrame}). It draws no random numbers
 * and changes no state, so a run gives the same counts with and without it.
 * <p>
 * A recorder serves one sampler run at a time: each run starts it afresh.
 */
public final class GrowthRecorder {

	private final int frames;
	private final ChannelMap channels;
	private final GrowthObserver observer;
	private Grid grid;
	private double startTime;
	private int next;

	/**
	 * @param frames F, at least 2: the empty box and the final state
	 * @param channels which phase each particle channel holds; the implied phase is the background
	 * @param observer receives the frames in order
	 * @throws IllegalArgumentException naming {@code frames} when F is below 2
	 */
	public GrowthRecorder(final int frames, final ChannelMap channels, final GrowthObserver observer) {
		if (frames < 2) {
			throw new IllegalArgumentException("frames must be at least 2 (the empty box at t = 1 and the volume at"
				+ " t = 0), got " + frames);
		}
		this.frames = frames;
		this.channels = channels;
		this.observer = observer;
	}

	public int frames() {
		return frames;
	}

	public ChannelMap channels() {
		return channels;
	}

	/**
	 * Reverse time of frame k of F: {@code start · (F − 1 − k) / (F − 1)}, exactly {@code start} for
	 * k = 0 and exactly 0 for k = F − 1.
	 */
	public static double time(final int index, final int frames, final double startTime) {
		if (index < 0 || index >= frames) {
			throw new IllegalArgumentException("frame " + index + " outside 0.." + (frames - 1));
		}
		return startTime * (frames - 1 - index) / (frames - 1);
	}

	/** Starts a run at {@code startTime} and records frame 0 from the state the run starts with. */
	void start(final Grid runGrid, final double runStartTime, final int[][][] counts) {
		grid = runGrid;
		startTime = runStartTime;
		next = 0;
		reached(runStartTime, counts);
	}

	/** Records every frame not yet recorded whose time is at least t, from the state at t. */
	void reached(final double t, final int[][][] counts) {
		while (next < frames && time(next, frames, startTime) >= t) {
			observer.frame(copy(next, t, counts));
			next++;
		}
	}

	/** Whether the run has recorded all F frames. */
	boolean finished() {
		return next == frames;
	}

	private GrowthFrame copy(final int index, final double t, final int[][][] counts) {
		final int batch = counts.length;
		final int sizeZ = grid.sizeZ();
		final int sliceLength = grid.sliceLength();
		final byte[][][] labels = new byte[batch][sizeZ][sliceLength];
		final long[][] particles = new long[batch][channels.channels()];
		final byte background = (byte) channels.impliedPhase();
		IntStream.range(0, batch * sizeZ).parallel().forEach(task -> {
			final int b = task / sizeZ;
			final int z = task % sizeZ;
			final byte[] slice = labels[b][z];
			final int offset = z * sliceLength;
			for (int i = 0; i < sliceLength; i++) {
				int most = 0;
				byte label = background;
				for (int c = 0; c < counts[b].length; c++) {
					final int n = counts[b][c][offset + i];
					if (n > most) {
						most = n;
						label = (byte) channels.phaseOf(c);
					}
				}
				slice[i] = label;
			}
		});
		for (int b = 0; b < batch; b++) {
			for (int c = 0; c < counts[b].length; c++) {
				long n = 0;
				for (final int count : counts[b][c]) n += count;
				particles[b][c] = n;
			}
		}
		return new GrowthFrame(index, time(index, frames, startTime), t, labels, particles);
	}
}
