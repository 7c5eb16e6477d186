package org.physgen.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.IntToDoubleFunction;

import org.physgen.metrics.report.Scalar;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;

/**
 * The intensive statistics of SPEC §14 that decide whether a volume is the same material as another
 * of its size: phase fractions (of all phases but the last non-pore one, which the others fix), and
 * of the pore phase ({@link #porePhase}): specific surface by face counting, χ26 per volume,
 * normalised two-point correlation {@code (S2(r) − φ²)/(φ − φ²)} at r = 2, 5 and 10 voxels along the
 * axes (axis mean), the fraction of the phase in
 * 6-connected clusters spanning an axis (axis mean) and the tortuosity factor (axis mean); of every
 * phase the mean chord length (axis mean) and the mean local thickness. Lengths are in the volume's
 * calibrated unit, in voxels when uncalibrated (see {@link LengthScale}). A statistic that is not
 * defined for the volume (a phase that fills it or is absent, a pore phase that connects no two faces:
 * infinite tortuosity, an S2 distance longer than an edge) has a value that is not finite.
 */
public final class FidelityStatistics {

	private static final int[] S2_DISTANCES = { 2, 5, 10 };

	private FidelityStatistics() {}

	/**
	 * @param cancelled polled between statistics; true throws a {@link CancellationException}
	 */
	public static List<Scalar> measure(final LabelVolume volume, final BooleanSupplier cancelled) {
		final int poreIndex = porePhase(volume.phases());
		final LengthScale scale = new LengthScale(volume.voxelSize());
		final String pore = volume.phases().name(poreIndex);
		final long[] counts = volume.phaseCounts();
		final List<Scalar> scalars = new ArrayList<>();
		final PhaseFractions fractions = PhaseFractions.of(volume);
		final int implied = poreIndex == counts.length - 1 ? counts.length - 2 : counts.length - 1;
		for (int p = 0; p < counts.length; p++) {
			if (p != implied) {
				scalars.add(new Scalar("volume fraction", volume.phases().name(p), "", fractions.fraction(p), ""));
			}
		}
		check(cancelled);
		scalars.add(new Scalar("specific surface, face count", pore, "", SpecificSurface.of(volume, poreIndex)
			.facesPerVolume(scale.spacings()), scale.perLength()));
		final double chi26 = EulerCharacteristic.of(volume, poreIndex).chi26();
		scalars.add(new Scalar("Euler characteristic chi26 per volume", pore, "", chi26 / (volume.voxelCount()
			* scale.voxelVolume()), scale.perVolume()));
		check(cancelled);
		final int shortest = Math.min(volume.sizeX(), Math.min(volume.sizeY(), volume.sizeZ()));
		final int rMax = Math.min(S2_DISTANCES[S2_DISTANCES.length - 1], shortest - 1);
		final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(volume, poreIndex, rMax);
		for (final int r : S2_DISTANCES) {
			scalars.add(new Scalar("normalised S2 at r = " + r + " voxels", pore, "", r <= rMax ? s2.normalised(r)
				: Double.NaN, ""));
		}
		check(cancelled);
		final ComponentStatistics components = ConnectedComponents.analyse(volume, poreIndex, Connectivity.SIX);
		scalars.add(new Scalar("spanning fraction (6-connected)", pore, "", axisMean(components::spanningFraction),
			""));
		for (int p = 0; p < counts.length; p++) {
			final ChordLengths chords = ChordLengths.of(volume, p);
			scalars.add(new Scalar("mean chord length", volume.phases().name(p), "", axisMean(a -> chords.mean(a)
				* scale.spacing(a)), scale.unit()));
		}
		for (int p = 0; p < counts.length; p++) {
			check(cancelled);
			scalars.add(new Scalar("mean local thickness", volume.phases().name(p), "", meanThickness(volume, p,
				counts[p], scale), scale.isotropicUnit()));
		}
		scalars.add(new Scalar("tortuosity factor", pore, "", axisMean(a -> Tortuosity.compute(volume, poreIndex, a,
			Tortuosity.DEFAULT_TOLERANCE, Tortuosity.DEFAULT_MAX_ITERATIONS, f -> {}, cancelled)
			.tortuosityFactor()), ""));
		return scalars;
	}

	/** The phase named "pore" (in any case), phase 0 when no phase has that name. */
	public static int porePhase(final PhaseTable phases) {
		for (int p = 0; p < phases.phaseCount(); p++) {
			if (phases.name(p).equalsIgnoreCase("pore")) return p;
		}
		return 0;
	}

	private static double meanThickness(final LabelVolume volume, final int phase, final long phaseVoxels,
		final LengthScale scale)
	{
		if (phaseVoxels == 0 || phaseVoxels == volume.voxelCount()) return Double.NaN;
		final double spacing = scale.isotropicSpacing();
		return LocalThickness.compute(volume, phase).meanThickness() * (Double.isNaN(spacing) ? 1 : spacing);
	}

	/** Mean over the three axes; an undefined axis makes the mean undefined. */
	private static double axisMean(final IntToDoubleFunction perAxis) {
		double sum = 0;
		for (int a = 0; a < 3; a++) sum += perAxis.applyAsDouble(a);
		return sum / 3;
	}

	private static void check(final BooleanSupplier cancelled) {
		if (cancelled.getAsBoolean()) throw new CancellationException("fidelity cancelled");
	}
}
