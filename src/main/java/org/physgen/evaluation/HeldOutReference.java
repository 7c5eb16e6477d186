package org.physgen.evaluation;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import org.physgen.metrics.FidelityComparison;
import org.physgen.metrics.FidelityStatistics;
import org.physgen.metrics.GaussianFieldFit;
import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.GridSize;
import org.physgen.metrics.report.Scalar;
import org.physgen.random.RandomStreams;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.FailureReasons;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VolumeFiles;
import org.physgen.volume.VolumeReader;

/**
 * The held-out side of SPEC §14, shared by the benchmarks: a real volume read and split
 * ({@link HeldOutSplit}), the §14 statistics of its held-out cubes, and the comparison of any
 * method's volumes (all of the cubes' size) against them, with the two baselines of §14.
 */
final class HeldOutReference {

	private static final long FIELD_KEY = 0x4746494CL;

	private final String name;
	private final HeldOutSplit split;
	private final List<List<Scalar>> heldOut;
	private final String description;
	private final int size;

	private HeldOutReference(final String name, final HeldOutSplit split, final int size) {
		this.name = name;
		this.split = split;
		this.size = size;
		heldOut = measure(split.heldOut());
		description = split.heldOut().size() + " disjoint " + size + "³ cubes held out from " + name;
	}

	/**
	 * Reads the settings' volume, names its pore phase, splits it and measures the held-out cubes
	 * (seconds for 64³ cubes).
	 *
	 * @throws IllegalArgumentException for an unreadable volume, a pore grey value it does not hold,
	 *           or a volume too small for the split
	 */
	static HeldOutReference of(final BenchmarkSettings settings, final Consumer<String> log) {
		final LabelVolume volume = withPore(read(settings), settings.poreGreyValue());
		final HeldOutSplit split = HeldOutSplit.of(volume, settings.size(), settings.heldOut(), settings.cropSize());
		log.accept("split: " + split.describe());
		return new HeldOutReference(VolumeFiles.baseName(settings.volume()), split, settings.size());
	}

	/** The volume's file name without extension. */
	String name() {
		return name;
	}

	HeldOutSplit split() {
		return split;
	}

	/** "8 disjoint 64³ cubes held out from NAME". */
	String description() {
		return description;
	}

	/** The method with its §14 comparison against the held-out cubes. */
	MethodResult measured(final MethodResult method, final Consumer<String> log) {
		final Fidelity fidelity = FidelityComparison.of(description, new GridSize(size, size, size), heldOut, measure(
			method.volumes()));
		log.accept(method.name() + ": " + fidelity.headline());
		return method.withFidelity(fidelity);
	}

	/**
	 * The two baselines of §14, measured: (a) real vs real, cubes of the training block (the floor),
	 * and (b) thresholded Gaussian fields with the correlation length fitted to the training block's
	 * S2 and its fractions, one per held-out cube (the classical model a learned one must beat).
	 */
	List<MethodResult> baselines(final BenchmarkSettings settings, final Consumer<String> log) {
		final List<LabelVolume> real = split.trainingCubes(size, settings.heldOut());
		return List.of(measured(new MethodResult("real vs real", "real", null, real, Double.NaN, Double.NaN,
			Double.NaN, Double.NaN, Double.NaN, Double.NaN, real.size() + " disjoint cubes of the training block"), log),
			measured(gaussianField(settings, log), log));
	}

	private MethodResult gaussianField(final BenchmarkSettings settings, final Consumer<String> log) {
		final long start = System.nanoTime();
		final LabelVolume block = split.training();
		final GaussianFieldFit fit = GaussianFieldFit.fit("the training block of " + name, block, size, size, size,
			false, null);
		final List<LabelVolume> volumes = new ArrayList<>();
		for (int i = 0; i < settings.heldOut(); i++) {
			final LabelVolume field = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD,
				size, size, size, fit.fractions(), fit.correlationLength(), Double.NaN, false, RandomStreams.derive(
					settings.seed(), FIELD_KEY + i), block.voxelSize()));
			volumes.add(LabelVolume.fromSlices(field.slices(), size, size, block.phases(), block.voxelSize()));
		}
		final String note = String.format(Locale.ROOT, "thresholded Gaussian field, correlation length %.3f voxels "
			+ "fitted to the training block's S2 up to r = %d (rms misfit %.3g), the block's fractions", fit
				.correlationLength(), fit.rMax(), fit.residual());
		log.accept("Gaussian field: " + note);
		return new MethodResult("Gaussian field", "gaussian-field", null, volumes, Double.NaN, Double.NaN, (System
			.nanoTime() - start) / 60e9, Double.NaN, Double.NaN, Double.NaN, note);
	}

	private static List<List<Scalar>> measure(final List<LabelVolume> volumes) {
		final List<List<Scalar>> measured = new ArrayList<>();
		for (final LabelVolume v : volumes) measured.add(FidelityStatistics.measure(v, () -> false));
		return measured;
	}

	private static LabelVolume read(final BenchmarkSettings settings) {
		try {
			return VolumeReader.read(settings.volume());
		}
		catch (final IOException e) {
			throw new IllegalArgumentException("volume '" + settings.volume() + "' could not be read: " + FailureReasons
				.of(e), e);
		}
	}

	/** The volume with the phase of the given grey value named "pore"; unchanged for -1. */
	static LabelVolume withPore(final LabelVolume volume, final int greyValue) {
		if (greyValue < 0) return volume;
		final PhaseTable phases = volume.phases();
		final int pore = phases.phaseOf(greyValue);
		if (pore < 0) {
			throw new IllegalArgumentException("pore must be one of the volume's grey values, got " + greyValue
				+ "; the volume holds " + phases);
		}
		final String[] names = new String[phases.phaseCount()];
		for (int p = 0; p < names.length; p++) {
			final boolean namedPore = phases.name(p).equalsIgnoreCase("pore");
			names[p] = p == pore ? "pore" : namedPore ? "value " + phases.greyValue(p) : phases.name(p);
		}
		return LabelVolume.fromSlices(volume.slices(), volume.sizeX(), volume.sizeY(), phases.withNames(names), volume
			.voxelSize());
	}
}
