package org.physgen.synth;

import org.physgen.mass.BinaryProjection;
import org.physgen.mass.ExactSelection;
import org.physgen.mass.PhaseCounts;
import org.physgen.volume.HeapBudget;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;

/**
 * Generates synthetic label volumes whose phase voxel counts equal the requested fractions exactly
 * (each fraction times the voxel count, rounded half up): every phase is cut from a continuous
 * score field at the exact rank, so the shapes come from the field and the counts from the rank.
 */
public final class SyntheticMicrostructures {

	/** How much thickness variation (in voxels) the carbon-binder film of an electrode gets. */
	private static final double FILM_VARIATION = 1.5;

	private SyntheticMicrostructures() {}

	/**
	 * @throws IllegalArgumentException before any work when the volume needs more Java heap than
	 *           is available or a slice longer than a Java array
	 */
	public static LabelVolume generate(final SyntheticSpec spec) {
		final String work = "Synthetic Microstructure (" + spec.kind().label() + ")";
		HeapBudget.requireArrayLength(work, 1, 2, "one z slice of the field", spec.sizeX(),
			spec.sizeY(), spec.sizeZ(), "size");
		HeapBudget.require(work, heapBytesPerVoxel(spec.kind()), spec.sizeX(), spec.sizeY(), spec.sizeZ(),
			"size");
		final long[] counts = PhaseCounts.fromFractions(spec.fractions(), spec.voxelCount());
		final byte[][] labels = switch (spec.kind()) {
			case GAUSSIAN_FIELD -> gaussianField(spec, counts);
			case SPHERES -> spheres(spec, counts);
			case ELECTRODE -> electrode(spec, counts);
		};
		return LabelVolume.fromSlices(labels, spec.sizeX(), spec.sizeY(), phaseTable(spec), spec.voxelSize());
	}

	/**
	 * Peak heap per voxel: the smallest -Xmx that made a 512³ volume of the kind (bracketed to within
	 * 4 to 6 bytes per voxel), less {@code HeapBudget}'s reserve, rounded up: the field arrays, the
	 * projection's work arrays and the labels.
	 */
	private static double heapBytesPerVoxel(final SyntheticKind kind) {
		return switch (kind) {
			case GAUSSIAN_FIELD -> 25;
			case SPHERES -> 10;
			case ELECTRODE -> 34;
		};
	}

	/** Phases 1, 2, ... take the highest field values in turn, giving nested level-set bands. */
	private static byte[][] gaussianField(final SyntheticSpec spec, final long[] counts) {
		final float[][] field = new GaussianRandomField(spec.sizeX(), spec.sizeY(), spec.sizeZ(),
			spec.correlationLength(), spec.periodic()).sample(spec.seed());
		final byte[][] labels = BinaryProjection.topM(field, counts[1], spec.seed());
		for (int p = 2; p < counts.length; p++) {
			ExactSelection.select(field, labels, 0, p, counts[p], spec.seed());
		}
		return labels;
	}

	private static byte[][] spheres(final SyntheticSpec spec, final long[] counts) {
		final double fraction = (double) counts[1] / spec.voxelCount();
		final float[][] score = sphereField(spec).sample(fraction, spec.meanRadius(), spec.seed());
		return BinaryProjection.topM(score, counts[1], spec.seed());
	}

	/**
	 * Active particles are spheres cut at the exact rank; the carbon-binder phase then takes the pore
	 * voxels closest to the particle surfaces, with a Gaussian-field modulation so the film thickens
	 * in some places (and bridges necks between particles) and thins in others.
	 */
	private static byte[][] electrode(final SyntheticSpec spec, final long[] counts) {
		final double fraction = (double) counts[1] / spec.voxelCount();
		final float[][] score = sphereField(spec).sample(fraction, 2 * spec.meanRadius() + 4, spec.seed());
		final byte[][] labels = BinaryProjection.topM(score, counts[1], spec.seed());
		final float[][] modulation = new GaussianRandomField(spec.sizeX(), spec.sizeY(), spec.sizeZ(),
			spec.correlationLength(), spec.periodic()).sample(spec.seed() ^ 0x5DEECE66DL);
		final double scale = FILM_VARIATION / standardDeviation(modulation);
		for (int z = 0; z < score.length; z++) {
			final float[] s = score[z], m = modulation[z];
			for (int i = 0; i < s.length; i++) s[i] += (float) (scale * m[i]);
		}
		ExactSelection.select(score, labels, 0, 2, counts[2], spec.seed());
		return labels;
	}

	private static SphereField sphereField(final SyntheticSpec spec) {
		return new SphereField(spec.sizeX(), spec.sizeY(), spec.sizeZ(), spec.meanRadius(), spec.periodic());
	}

	private static double standardDeviation(final float[][] field) {
		double sum = 0, sumSq = 0;
		long n = 0;
		for (final float[] slice : field) {
			for (final float v : slice) {
				sum += v;
				sumSq += (double) v * v;
			}
			n += slice.length;
		}
		final double mean = sum / n;
		final double variance = sumSq / n - mean * mean;
		return variance > 0 ? Math.sqrt(variance) : 1;
	}

	private static PhaseTable phaseTable(final SyntheticSpec spec) {
		final int phases = spec.fractions().length + 1;
		return switch (spec.kind()) {
			case GAUSSIAN_FIELD -> phases == 2 ? PhaseTable.named("solid", "pore") : PhaseTable.identity(phases);
			case SPHERES -> PhaseTable.named("pore", "grain");
			case ELECTRODE -> PhaseTable.named("pore", "active material", "carbon-binder");
		};
	}
}
