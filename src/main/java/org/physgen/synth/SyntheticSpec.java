package org.physgen.synth;

import java.util.Arrays;

import org.physgen.volume.VoxelSize;

/**
 * What to generate: the kind, the box in voxels, target fractions of phases 1..P-1 (phase 0 takes
 * the rest), the lengths that shape the structure (in voxels), periodicity and the seed.
 *
 * @param correlationLength Gaussian-field correlation length ℓ, covariance exp(-r²/(2ℓ²)); for the
 *          electrode, the length over which the carbon-binder film thickness varies
 * @param meanRadius mean sphere radius (spheres and electrode particles)
 */
public record SyntheticSpec(SyntheticKind kind, int sizeX, int sizeY, int sizeZ, double[] fractions,
	double correlationLength, double meanRadius, boolean periodic, long seed, VoxelSize voxelSize)
{

	public SyntheticSpec {
		requireSize("size_x", sizeX);
		requireSize("size_y", sizeY);
		requireSize("size_z", sizeZ);
		fractions = fractions.clone();
		final int expected = switch (kind) {
			case GAUSSIAN_FIELD -> -1;
			case SPHERES -> 1;
			case ELECTRODE -> 2;
		};
		if (expected > 0 && fractions.length != expected) {
			throw new IllegalArgumentException("fractions '" + text(fractions) + "': kind '" + kind.label()
				+ "' needs " + expected + (expected == 1 ? " fraction" : " fractions")
				+ (kind == SyntheticKind.ELECTRODE ? " (active material, carbon-binder)" : " (grains)"));
		}
		if (fractions.length == 0) {
			throw new IllegalArgumentException("fractions is empty: give the target fraction of phase 1"
				+ " (and of phases 2.. for more phases)");
		}
	}

	public long voxelCount() {
		return (long) sizeX * sizeY * sizeZ;
	}

	private static void requireSize(final String name, final int size) {
		if (size < 2) {
			throw new IllegalArgumentException(name + " must be at least 2 voxels, got " + size);
		}
	}

	private static String text(final double[] values) {
		final String s = Arrays.toString(values);
		return s.substring(1, s.length() - 1);
	}

	@Override
	public double[] fractions() {
		return fractions.clone();
	}
}
