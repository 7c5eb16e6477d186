package org.physgen.model;

import java.util.Arrays;

import org.physgen.volume.LabelVolume;

/**
 * The region of an inpainting and the rules it must follow: a box or a mask volume as a per-slice
 * mask (non-zero = regenerate), the phase counts it gets, and the counts inside it.
 */
public final class InpaintRegions {

	private InpaintRegions() {}

	/**
	 * A per-slice mask of a box "x,y,z,width,height,depth" (first corner from 0).
	 *
	 * @throws IllegalArgumentException naming {@code box} when it is malformed or leaves the volume
	 */
	public static byte[][] box(final String text, final int sizeX, final int sizeY, final int sizeZ) {
		final long[] v = numbers("box", text);
		if (v.length != 6) {
			throw new IllegalArgumentException("box '" + text + "' must be 6 numbers: x,y,z,width,height,depth");
		}
		final int[] size = { sizeX, sizeY, sizeZ };
		final String[] axes = { "x", "y", "z" };
		for (int a = 0; a < 3; a++) {
			if (v[a] < 0 || v[a + 3] < 1 || v[a] + v[a + 3] > size[a]) {
				throw new IllegalArgumentException("box '" + text + "': " + axes[a] + " from " + v[a] + " over "
					+ v[a + 3] + " voxels leaves the volume (" + axes[a] + " size " + size[a] + ")");
			}
		}
		final byte[][] mask = new byte[sizeZ][sizeX * sizeY];
		for (int z = (int) v[2]; z < v[2] + v[5]; z++) {
			for (int y = (int) v[1]; y < v[1] + v[4]; y++) {
				Arrays.fill(mask[z], y * sizeX + (int) v[0], y * sizeX + (int) (v[0] + v[3]), (byte) 1);
			}
		}
		return mask;
	}

	/**
	 * Counts of phases 0..P-1 for a region of {@code voxels} voxels: P values that add up to it, or
	 * P-1 values of phases 1..P-1 with phase 0 taking the rest.
	 *
	 * @throws IllegalArgumentException naming {@code region_counts} when they cannot fill the region
	 */
	public static long[] parse(final String text, final int phases, final long voxels) {
		final long[] given = numbers("region_counts", text);
		final long[] counts;
		if (given.length == phases) counts = given;
		else if (given.length == phases - 1) {
			counts = new long[phases];
			System.arraycopy(given, 0, counts, 1, given.length);
			counts[0] = voxels - Arrays.stream(given).sum();
		}
		else {
			throw new IllegalArgumentException("region_counts '" + text + "' lists " + given.length
				+ " counts; the volume has " + phases + " phases: give " + phases + " (phases 0.." + (phases - 1)
				+ ") or " + (phases - 1) + " (phases 1.." + (phases - 1) + ", phase 0 takes the rest)");
		}
		final long sum = Arrays.stream(counts).sum();
		if (Arrays.stream(counts).anyMatch(c -> c < 0) || sum != voxels) {
			throw new IllegalArgumentException("region_counts '" + text + "' give " + Arrays.toString(counts)
				+ ", which cannot fill the region of " + voxels + " voxels exactly (counts must not be negative"
				+ " and must add up to " + voxels + ")");
		}
		return counts;
	}

	private static long[] numbers(final String parameter, final String text) {
		final String[] tokens = text.trim().split("\\s*,\\s*");
		final long[] values = new long[tokens.length];
		for (int i = 0; i < tokens.length; i++) {
			try {
				values[i] = Long.parseLong(tokens[i]);
			}
			catch (final NumberFormatException e) {
				throw new IllegalArgumentException(parameter + " '" + text + "': '" + tokens[i]
					+ "' is not a whole number");
			}
		}
		return values;
	}

	/**
	 * The mask of a mask volume, which must have the volume's size.
	 *
	 * @param name how the caller knows the mask, for the message
	 * @throws IllegalArgumentException naming it when the sizes differ
	 */
	public static byte[][] mask(final LabelVolume mask, final LabelVolume volume, final String name) {
		if (mask.sizeX() != volume.sizeX() || mask.sizeY() != volume.sizeY() || mask.sizeZ() != volume.sizeZ()) {
			throw new IllegalArgumentException(name + " is " + mask.sizeX() + " x " + mask.sizeY() + " x " +
				mask.sizeZ() + ", the volume " + volume.sizeX() + " x " + volume.sizeY() + " x " + volume.sizeZ());
		}
		return mask.slices();
	}

	/** Phase voxel counts inside the mask: {@code counts[p]}, p = 0..P-1. */
	public static long[] counts(final LabelVolume volume, final byte[][] mask) {
		final long[] counts = new long[volume.phases().phaseCount()];
		for (int z = 0; z < mask.length; z++) {
			final byte[] labels = volume.slice(z);
			for (int i = 0; i < labels.length; i++) {
				if (mask[z][i] != 0) counts[labels[i]]++;
			}
		}
		return counts;
	}

	/**
	 * The phase counts the region of {@code mask} gets, from a {@code region_counts} text.
	 *
	 * @return the counts of phases 0..P-1 of {@link #parse}, or null for a blank text (keep the
	 *         region's counts)
	 * @throws IllegalArgumentException naming {@code region_counts} when they cannot fill the region
	 */
	public static long[] regionCounts(final String text, final LabelVolume volume, final byte[][] mask) {
		if (text == null || text.isBlank()) return null;
		return parse(text, volume.phases().phaseCount(), Arrays.stream(counts(volume, mask)).sum());
	}

	/**
	 * Inpaints the region of {@code mask} with a model, after checking the model and the volume's
	 * sizes.
	 *
	 * @param regionCounts counts of phases 0..P-1 the region gets ({@link #regionCounts}), or null
	 *          to keep its counts
	 * @param sharpening see {@link GenerationRequest#sharpening()}
	 * @throws IllegalArgumentException naming the rule broken: a model that cannot inpaint or a size
	 *           that is not a multiple of the model's
	 */
	public static LabelVolume inpaint(final GenerativeModel model, final LabelVolume volume,
		final byte[][] mask, final long[] regionCounts, final long seed, final double tolerance,
		final double stepFraction, final double sharpening, final GenerationListener listener)
	{
		if (!model.canInpaint()) {
			throw new IllegalArgumentException("model_file '" + model.file() + "' holds a " +
				model.family().displayName() + " model, which cannot inpaint; inpainting needs a DSD model");
		}
		model.requireSize("the volume's x size", volume.sizeX());
		model.requireSize("the volume's y size", volume.sizeY());
		model.requireSize("the volume's z size", volume.sizeZ());
		return model.inpaint(new InpaintRequest(volume, mask, regionCounts, seed, tolerance, stepFraction,
			sharpening),
			listener);
	}
}
