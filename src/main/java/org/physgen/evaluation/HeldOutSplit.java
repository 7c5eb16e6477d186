package org.physgen.evaluation;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.physgen.metrics.FidelityComparison;
import org.physgen.metrics.report.GridSize;
import org.physgen.volume.LabelVolume;

/**
 * A real volume cut into a training block and a disjoint held-out region (SPEC §14). The held-out
 * region is the top slab in z: as many layers of {@code size}³ cubes as the wanted count needs
 * (one layer when a layer holds enough); the training block is everything below it, with the full
 * x and y extent. The slab is cut into every disjoint cube that fits, corner to corner from its
 * origin. For a 256³ volume and size 64: the training block is 256 x 256 x 192 (z 0..191), the
 * held-out slab z 192..255 gives sixteen 64³ cubes.
 *
 * @param training the training block, slices 0 .. {@code heldOutStart − 1}
 * @param heldOut the held-out cubes, at least the wanted count
 * @param heldOutStart the first slice of the held-out slab
 * @param volumeSizeZ slices of the whole volume; the slab ends at the last one
 */
public record HeldOutSplit(LabelVolume training, List<LabelVolume> heldOut, int heldOutStart, int volumeSizeZ) {

	public HeldOutSplit {
		heldOut = List.copyOf(heldOut);
	}

	/**
	 * @param minimumTraining the training block must be at least this thick in z (the training crop)
	 * @throws IllegalArgumentException naming {@code size} or {@code held_out} when the volume is too
	 *           small for the split
	 */
	public static HeldOutSplit of(final LabelVolume volume, final int size, final int count,
		final int minimumTraining)
	{
		final int perLayer = (volume.sizeX() / size) * (volume.sizeY() / size);
		if (perLayer == 0) {
			throw new IllegalArgumentException("size must fit the volume's x and y extent (" + volume.sizeX() + " x "
				+ volume.sizeY() + "), got " + size);
		}
		final int thickness = size * ((count + perLayer - 1) / perLayer);
		final int start = volume.sizeZ() - thickness;
		final int needed = Math.max(size, minimumTraining);
		if (start < needed) {
			throw new IllegalArgumentException(String.format(Locale.ROOT, "held_out = %d cubes of size %d need a slab "
				+ "%d slices thick, leaving %d of the volume's %d slices for training, fewer than the %d needed; lower "
				+ "held_out or size", count, size, thickness, Math.max(0, start), volume.sizeZ(), needed));
		}
		final byte[][] slices = volume.slices();
		final LabelVolume block = slab(volume, Arrays.copyOfRange(slices, 0, start));
		final LabelVolume slab = slab(volume, Arrays.copyOfRange(slices, start, slices.length));
		return new HeldOutSplit(block, FidelityComparison.subVolumes(slab, new GridSize(size, size, size)), start,
			volume.sizeZ());
	}

	/**
	 * {@code count} disjoint cubes of the training block's own, spread evenly over all that fit, to
	 * compare with the held-out ones (real vs real).
	 */
	public List<LabelVolume> trainingCubes(final int size, final int count) {
		return spread(FidelityComparison.subVolumes(training, new GridSize(size, size, size)), count);
	}

	/** {@code count} of the items, evenly spread over the list; all of them when there are no more. */
	static <T> List<T> spread(final List<T> all, final int count) {
		if (all.size() <= count) return all;
		return IntStream.range(0, count).mapToObj(i -> all.get((int) ((long) i * all.size() / count))).toList();
	}

	/** "16 disjoint 64³ cubes of the held-out slab z 192..255; training block 256 x 256 x 192 (z 0..191)". */
	public String describe() {
		final LabelVolume first = heldOut.get(0);
		return String.format(Locale.ROOT, "%d disjoint %d³ cubes of the held-out slab z %d..%d; training block "
			+ "%d x %d x %d (z 0..%d)", heldOut.size(), first.sizeX(), heldOutStart, volumeSizeZ - 1, training.sizeX(),
			training.sizeY(), training.sizeZ(), heldOutStart - 1);
	}

	private static LabelVolume slab(final LabelVolume volume, final byte[][] slices) {
		return LabelVolume.fromSlices(slices, volume.sizeX(), volume.sizeY(), volume.phases(), volume.voxelSize());
	}
}
