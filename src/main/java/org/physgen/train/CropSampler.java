package org.physgen.train;

import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;

/**
 * Random cubic crops from one or more label volumes that share a phase table; volumes are picked in
 * proportion to how many crop positions they offer.
 */
public final class CropSampler {

	private final List<LabelVolume> volumes;
	private final int size;
	private final long[] cumulativePositions;

	public CropSampler(final List<LabelVolume> volumes, final int size) {
		if (volumes.isEmpty()) throw new IllegalArgumentException("no training volumes given");
		this.volumes = List.copyOf(volumes);
		this.size = size;
		cumulativePositions = new long[volumes.size()];
		final PhaseTable phases = volumes.get(0).phases();
		long total = 0;
		for (int i = 0; i < volumes.size(); i++) {
			final LabelVolume v = volumes.get(i);
			if (v.sizeX() < size || v.sizeY() < size || v.sizeZ() < size) {
				throw new IllegalArgumentException("crop_size = " + size + " is larger than training volume " +
					(i + 1) + " (" + v.sizeX() + " x " + v.sizeY() + " x " + v.sizeZ() + ")");
			}
			if (!v.phases().equals(phases)) {
				throw new IllegalArgumentException("training volume " + (i + 1) + " has phases " +
					v.phases() + " but volume 1 has " + phases + "; all volumes must share one phase table");
			}
			total += (long) (v.sizeX() - size + 1) * (v.sizeY() - size + 1) * (v.sizeZ() - size + 1);
			cumulativePositions[i] = total;
		}
	}

	public int size() {
		return size;
	}

	public PhaseTable phases() {
		return volumes.get(0).phases();
	}

	public List<LabelVolume> volumes() {
		return volumes;
	}

	/** A random crop as z slices of x-fastest rows, through a random cube symmetry when asked. */
	public byte[][] crop(final UniformRandomProvider rng, final boolean augment) {
		final long position = rng.nextLong(cumulativePositions[cumulativePositions.length - 1]);
		int i = 0;
		while (cumulativePositions[i] <= position) i++;
		final LabelVolume v = volumes.get(i);
		final int x0 = rng.nextInt(v.sizeX() - size + 1);
		final int y0 = rng.nextInt(v.sizeY() - size + 1);
		final int z0 = rng.nextInt(v.sizeZ() - size + 1);
		final byte[][] crop = new byte[size][size * size];
		for (int z = 0; z < size; z++) {
			final byte[] slice = v.slice(z0 + z);
			for (int y = 0; y < size; y++) {
				System.arraycopy(slice, (y0 + y) * v.sizeX() + x0, crop[z], y * size, size);
			}
		}
		return augment ? CubeSymmetry.of(rng.nextInt(CubeSymmetry.COUNT)).apply(crop, size) : crop;
	}
}
