package org.physgen.volume;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Label volumes of one size, phase table and voxel size as the time frames of an ImageJ hyperstack
 * (Z slices × F frames), each frame with a label that every one of its slices carries, such as
 * its time ({@code "t = 0.750"}).
 *
 * @param volumes the frames in order, at least one; their arrays are shared, not copied
 * @param labels one label per frame; a null label leaves the frame's slices unlabelled
 */
public record TimeFrames(List<LabelVolume> volumes, List<String> labels) {

	/**
	 * @throws IllegalArgumentException when there is no frame, the labels are not one per frame, or
	 *           the frames differ in size, phase table or voxel size
	 */
	public TimeFrames {
		volumes = List.copyOf(volumes);
		labels = Collections.unmodifiableList(new ArrayList<>(labels));
		if (volumes.isEmpty() || labels.size() != volumes.size()) {
			throw new IllegalArgumentException("time frames need at least one volume and one label per volume, got "
				+ volumes.size() + " volumes and " + labels.size() + " labels");
		}
		final LabelVolume first = volumes.get(0);
		for (int f = 1; f < volumes.size(); f++) {
			final LabelVolume v = volumes.get(f);
			if (v.sizeX() != first.sizeX() || v.sizeY() != first.sizeY() || v.sizeZ() != first.sizeZ()
				|| !v.phases().equals(first.phases()) || !v.voxelSize().equals(first.voxelSize()))
			{
				throw new IllegalArgumentException("time frame " + (f + 1) + " (" + v.sizeX() + " x " + v.sizeY() + " x "
					+ v.sizeZ() + ") differs from the first (" + first.sizeX() + " x " + first.sizeY() + " x "
					+ first.sizeZ() + ") in size, phases or voxel size");
			}
		}
	}

	/** A single volume as one frame without a label, a plain Z stack. */
	static TimeFrames single(final LabelVolume volume) {
		return new TimeFrames(List.of(volume), Collections.singletonList(null));
	}

	public LabelVolume first() {
		return volumes.get(0);
	}

	/** F, the number of frames. */
	public int count() {
		return volumes.size();
	}

	/** Slices of all frames: sizeZ × F. */
	public int slices() {
		return first().sizeZ() * volumes.size();
	}

	/** The pixels of ImageJ stack slice n (1-based, frame after frame), shared with the volume. */
	byte[] slice(final int n) {
		final int sizeZ = first().sizeZ();
		return volumes.get((n - 1) / sizeZ).slice((n - 1) % sizeZ);
	}

	/** The label of ImageJ stack slice n (1-based): its frame's. */
	String sliceLabel(final int n) {
		return labels.get((n - 1) / first().sizeZ());
	}
}
