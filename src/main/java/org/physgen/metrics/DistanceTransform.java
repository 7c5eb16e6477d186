package org.physgen.metrics;

import java.util.stream.IntStream;

import org.physgen.volume.LabelVolume;

/**
 * Exact Euclidean distance transform of one phase. Each voxel of the phase gets the distance between
 * its centre and the centre of the nearest voxel of any other phase (1 for a voxel with a face
 * neighbour of another phase); voxels of other phases get 0. The volume border is not a boundary:
 * voxels outside the volume are neither phase nor other phase, so a pore touching the border is
 * measured only to the solid inside the volume. Computed with a separable algorithm in parallel over
 * lines; the result does not depend on the thread count.
 */
public final class DistanceTransform {

	private DistanceTransform() {}

	public static DistanceMap compute(final LabelVolume volume, final int phase) {
		final int[] squared = squaredDistances(volume, phase);
		final float[] distances = new float[squared.length];
		IntStream.range(0, squared.length).parallel().forEach(i -> distances[i] = squared[i]
			== SquaredEdt.INFINITE ? Float.POSITIVE_INFINITY : (float) Math.sqrt(squared[i]));
		final int maxSquared = IntStream.of(squared).parallel().max().orElse(0);
		final double max = maxSquared == SquaredEdt.INFINITE ? Double.POSITIVE_INFINITY : Math.sqrt(
			maxSquared);
		return new DistanceMap(phase, volume.sizeX(), volume.sizeY(), volume.sizeZ(), distances, max);
	}

	/**
	 * Squared distances as above, as exact integers; {@link SquaredEdt#INFINITE} everywhere in the
	 * phase when no other phase is present.
	 */
	static int[] squaredDistances(final LabelVolume volume, final int phase) {
		FlatIndex.checkPhase(volume, phase);
		final int[] grid = new int[FlatIndex.voxelCount(volume)];
		final int slice = volume.sizeX() * volume.sizeY();
		IntStream.range(0, volume.sizeZ()).parallel().forEach(z -> {
			final byte[] labels = volume.slice(z);
			final int offset = z * slice;
			for (int i = 0; i < slice; i++) grid[offset + i] = (labels[i] & 0xff) == phase ? 1 : 0;
		});
		SquaredEdt.transform(grid, volume.sizeX(), volume.sizeY(), volume.sizeZ());
		return grid;
	}
}
