package org.physgen.model;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;
import org.physgen.volume.TimeFrames;

/**
 * The growth of one generated volume: F frames at equally spaced reverse times, from the empty box
 * at t = 1 (all background) to the finished volume at t = 0. Between them each voxel shows the
 * phase of the particles it holds at that time, the background where it holds none; the volume
 * before the occupancy repair may hold several particles in a voxel.
 *
 * @param times reverse time of each frame, decreasing from the schedule's final time to 0
 * @param frames the state at each time, with the volume's size, phase table and voxel size; the
 *          last is a copy of the generated volume, voxel for voxel
 */
public record GrowthSeries(double[] times, List<LabelVolume> frames) {

	/** @throws IllegalArgumentException unless there are at least 2 frames, one per time */
	public GrowthSeries {
		if (frames.size() < 2 || frames.size() != times.length) {
			throw new IllegalArgumentException("a growth series needs at least 2 frames, one per time; got "
				+ frames.size() + " frames and " + times.length + " times");
		}
		times = times.clone();
		frames = List.copyOf(frames);
	}

	@Override
	public double[] times() {
		return times.clone();
	}

	/** F, the number of frames. */
	public int size() {
		return frames.size();
	}

	/** Frame k's label for people, its reverse time: {@code "t = 0.750"}. */
	public String label(final int k) {
		return String.format(Locale.ROOT, "t = %.3f", times[k]);
	}

	/** The labels of all frames, in order. */
	public List<String> labels() {
		return IntStream.range(0, times.length).mapToObj(this::label).toList();
	}

	/** The frames with their labels, for a hyperstack image or file (arrays shared). */
	public TimeFrames timeFrames() {
		return new TimeFrames(frames, labels());
	}
}
