package org.physgen.model;

import org.physgen.volume.LabelVolume;

/** Turns a per-slice inpainting mask into the flat evolving-voxel array of the sampler. */
public final class InpaintMask {

	private InpaintMask() {}

	/** @throws IllegalArgumentException naming {@code mask} when its size differs or it is empty */
	public static boolean[] evolving(final byte[][] mask, final LabelVolume volume) {
		final int sliceLength = volume.sizeX() * volume.sizeY();
		if (mask == null || mask.length != volume.sizeZ() || mask[0].length != sliceLength) {
			throw new IllegalArgumentException("mask must have the volume's size " + volume.sizeX() +
				" x " + volume.sizeY() + " x " + volume.sizeZ());
		}
		final boolean[] evolving = new boolean[sliceLength * volume.sizeZ()];
		int masked = 0;
		for (int z = 0; z < mask.length; z++) {
			if (mask[z].length != sliceLength) {
				throw new IllegalArgumentException("mask slice " + z + " has " + mask[z].length +
					" voxels, expected " + sliceLength);
			}
			for (int i = 0; i < sliceLength; i++) {
				if (mask[z][i] != 0) {
					evolving[z * sliceLength + i] = true;
					masked++;
				}
			}
		}
		if (masked == 0) throw new IllegalArgumentException("mask selects no voxels; nothing to inpaint");
		return evolving;
	}
}
