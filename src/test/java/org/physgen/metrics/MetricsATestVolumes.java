package org.physgen.metrics;

import java.util.SplittableRandom;

import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/** Small volumes with known geometry, and random ones, for the metric tests. */
final class MetricsATestVolumes {

	private MetricsATestVolumes() {}

	static LabelVolume empty(final int sizeX, final int sizeY, final int sizeZ, final int phases) {
		return LabelVolume.create(sizeX, sizeY, sizeZ, PhaseTable.identity(phases), VoxelSize.DEFAULT);
	}

	/** Sets phase 1 on the box [x0, x1) × [y0, y1) × [z0, z1). */
	static void fill(final LabelVolume v, final int x0, final int x1, final int y0, final int y1,
		final int z0, final int z1, final int phase)
	{
		for (int z = z0; z < z1; z++) {
			for (int y = y0; y < y1; y++) {
				for (int x = x0; x < x1; x++) v.setPhase(x, y, z, phase);
			}
		}
	}

	/** Independent voxels; phase p with probability weights[p] / sum. */
	static LabelVolume random(final int sizeX, final int sizeY, final int sizeZ, final double[] weights,
		final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		double total = 0;
		for (final double w : weights) total += w;
		final LabelVolume v = empty(sizeX, sizeY, sizeZ, weights.length);
		for (int z = 0; z < sizeZ; z++) {
			for (int y = 0; y < sizeY; y++) {
				for (int x = 0; x < sizeX; x++) {
					double u = random.nextDouble() * total;
					int p = 0;
					while (p < weights.length - 1 && u >= weights[p]) u -= weights[p++];
					v.setPhase(x, y, z, p);
				}
			}
		}
		return v;
	}

	/** Whether (x, y, z) is inside the volume and in the phase. */
	static boolean in(final LabelVolume v, final int x, final int y, final int z, final int phase) {
		return x >= 0 && y >= 0 && z >= 0 && x < v.sizeX() && y < v.sizeY() && z < v.sizeZ() && v.phaseAt(x,
			y, z) == phase;
	}
}
