package org.physgen.volume;

import java.util.ArrayList;
import java.util.List;

import net.imglib2.img.basictypeaccess.array.ByteArray;
import net.imglib2.img.planar.PlanarImg;
import net.imglib2.type.numeric.integer.UnsignedByteType;
import net.imglib2.util.Fraction;

/**
 * A segmented 3D volume: one byte per voxel holding the phase index 0..P-1, stored as a
 * {@link PlanarImg} with one {@code byte[]} per z slice (index {@code x + y * sizeX}), together with
 * its {@link PhaseTable} and {@link VoxelSize}. The slice arrays are shared, never copied, with
 * ImageJ stacks made from this volume.
 */
public final class LabelVolume {

	private final PlanarImg<UnsignedByteType, ByteArray> img;
	private final PhaseTable phases;
	private final VoxelSize voxelSize;

	public LabelVolume(final PlanarImg<UnsignedByteType, ByteArray> img, final PhaseTable phases,
		final VoxelSize voxelSize)
	{
		if (img.numDimensions() != 3) {
			throw new IllegalArgumentException("a label volume must be 3D, got " + img.numDimensions()
				+ " dimensions");
		}
		this.img = img;
		this.phases = phases;
		this.voxelSize = voxelSize;
	}

	/** A volume of the given size filled with phase 0. */
	public static LabelVolume create(final int sizeX, final int sizeY, final int sizeZ,
		final PhaseTable phases, final VoxelSize voxelSize)
	{
		checkSize(sizeX, sizeY, sizeZ);
		final byte[][] slices = new byte[sizeZ][sizeX * sizeY];
		return fromSlices(slices, sizeX, sizeY, phases, voxelSize);
	}

	/**
	 * Wraps per-slice arrays (each of length sizeX * sizeY, holding phase indices) without copying.
	 */
	public static LabelVolume fromSlices(final byte[][] slices, final int sizeX, final int sizeY,
		final PhaseTable phases, final VoxelSize voxelSize)
	{
		checkSize(sizeX, sizeY, slices.length);
		final List<ByteArray> planes = new ArrayList<>(slices.length);
		for (int z = 0; z < slices.length; z++) {
			if (slices[z].length != (long) sizeX * sizeY) {
				throw new IllegalArgumentException("slice " + z + " has " + slices[z].length
					+ " voxels, expected " + sizeX + " x " + sizeY);
			}
			planes.add(new ByteArray(slices[z]));
		}
		final PlanarImg<UnsignedByteType, ByteArray> img = new PlanarImg<>(planes,
			new long[] { sizeX, sizeY, slices.length }, new Fraction());
		img.setLinkedType(new UnsignedByteType(img));
		return new LabelVolume(img, phases, voxelSize);
	}

	private static void checkSize(final long sizeX, final long sizeY, final long sizeZ) {
		if (sizeX < 1 || sizeY < 1 || sizeZ < 1) {
			throw new IllegalArgumentException("volume size must be at least 1 voxel along each axis, got "
				+ sizeX + " x " + sizeY + " x " + sizeZ);
		}
		if (sizeX * sizeY > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("slice of " + sizeX + " x " + sizeY
				+ " voxels is larger than 2^31 voxels");
		}
	}

	public PlanarImg<UnsignedByteType, ByteArray> img() {
		return img;
	}

	public PhaseTable phases() {
		return phases;
	}

	public VoxelSize voxelSize() {
		return voxelSize;
	}

	public int sizeX() {
		return (int) img.dimension(0);
	}

	public int sizeY() {
		return (int) img.dimension(1);
	}

	public int sizeZ() {
		return (int) img.dimension(2);
	}

	public long voxelCount() {
		return (long) sizeX() * sizeY() * sizeZ();
	}

	/** The shared array of slice z (index x + y * sizeX). */
	public byte[] slice(final int z) {
		return img.getPlane(z).getCurrentStorageArray();
	}

	/** The shared slice arrays, one per z. */
	public byte[][] slices() {
		final byte[][] slices = new byte[sizeZ()][];
		for (int z = 0; z < slices.length; z++) slices[z] = slice(z);
		return slices;
	}

	public int phaseAt(final int x, final int y, final int z) {
		return slice(z)[x + y * sizeX()] & 0xff;
	}

	public void setPhase(final int x, final int y, final int z, final int phase) {
		slice(z)[x + y * sizeX()] = (byte) phase;
	}

	/** Number of voxels of each phase, indexed by phase. */
	public long[] phaseCounts() {
		final long[] histogram = new long[256];
		for (int z = 0; z < sizeZ(); z++) {
			for (final byte b : slice(z)) histogram[b & 0xff]++;
		}
		final long[] counts = new long[phases.phaseCount()];
		for (int v = 0; v < histogram.length; v++) {
			if (histogram[v] == 0) continue;
			if (v >= counts.length) {
				throw new IllegalStateException("voxel label " + v + " is outside the phase table ("
					+ counts.length + " phases)");
			}
			counts[v] = histogram[v];
		}
		return counts;
	}

	/** A new volume with the same phases and voxel size, with the labels replaced. */
	public LabelVolume withSlices(final byte[][] slices) {
		return fromSlices(slices, sizeX(), sizeY(), phases, voxelSize);
	}
}
