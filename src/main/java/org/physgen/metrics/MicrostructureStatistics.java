package org.physgen.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.physgen.metrics.report.Curve;
import org.physgen.metrics.report.GridSize;
import org.physgen.metrics.report.Scalar;
import org.physgen.metrics.report.VolumeStatistics;
import org.physgen.volume.HeapBudget;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;

/**
 * Measures the chosen metrics on the chosen phases of one volume and gathers them, with their
 * definitions, as scalars and curves for the statistics and comparison reports. Lengths and surfaces
 * are in the volume's calibrated unit (along each axis with that axis's voxel size), in voxels when
 * it is uncalibrated; see {@link LengthScale}. Extensive quantities (counts, Euler characteristics)
 * are flagged and come with their per-volume densities. Curves go out to a quarter of the shortest
 * edge (at most 64 voxels).
 */
public final class MicrostructureStatistics {

	private static final String[] AXES = { "x", "y", "z" };
	private static final int MAX_CURVE_LENGTH = 64;

	private final LabelVolume volume;
	private final LengthScale scale;
	private final List<String> warnings = new ArrayList<>();
	private final List<Scalar> scalars = new ArrayList<>();
	private final List<Curve> curves = new ArrayList<>();
	private final Map<String, String> definitions = new LinkedHashMap<>();

	/**
	 * Peak heap per voxel of all metrics of a binary volume (distance maps, labels, the diffusion
	 * lattice), measured as the smallest -Xmx, in steps of 32 MiB, that measured a 192³ volume, less
	 * {@code HeapBudget}'s reserve.
	 */
	private static final double HEAP_BYTES_PER_VOXEL = 20;

	private MicrostructureStatistics(final LabelVolume volume) {
		this.volume = volume;
		scale = new LengthScale(volume.voxelSize());
		definitions.put("units", scale.description());
		if (scale.warning() != null) warnings.add(scale.warning());
	}

	/**
	 * @throws IllegalArgumentException before any work when the metrics need more Java heap than
	 *           is available
	 */
	public static VolumeStatistics measure(final LabelVolume volume, final String name, final int[] phases,
		final Set<Metric> metrics, final DoubleConsumer progress, final BooleanSupplier cancelled)
	{
		HeapBudget.require("statistics of " + name, HEAP_BYTES_PER_VOXEL, volume.sizeX(), volume.sizeY(),
			volume.sizeZ(), null);
		final MicrostructureStatistics m = new MicrostructureStatistics(volume);
		final int steps = phases.length * metrics.size();
		int done = 0;
		for (final int phase : phases) {
			for (final Metric metric : metrics) {
				if (cancelled.getAsBoolean()) throw new CancellationException("statistics cancelled");
				final int step = done;
				m.measure(phase, metric, f -> progress.accept((step + Math.max(0, Math.min(1, f))) / steps), cancelled);
				progress.accept(++done / (double) steps);
			}
		}
		return new VolumeStatistics(name, new GridSize(volume.sizeX(), volume.sizeY(), volume.sizeZ()), m.scalars,
			m.curves, m.definitions, m.warnings);
	}

	/**
	 * Phase indices from "all" or from comma-separated phase indices or names (as in the phase
	 * table), for example "0" or "pore,carbon-binder".
	 */
	public static int[] parsePhases(final String text, final PhaseTable table) {
		final String trimmed = text == null ? "" : text.trim();
		if (trimmed.isEmpty() || trimmed.equalsIgnoreCase("all")) {
			final int[] all = new int[table.phaseCount()];
			for (int p = 0; p < all.length; p++) all[p] = p;
			return all;
		}
		final String[] tokens = trimmed.split(",");
		final int[] phases = new int[tokens.length];
		for (int i = 0; i < tokens.length; i++) phases[i] = phaseOf(tokens[i].trim(), table);
		return phases;
	}

	private static int phaseOf(final String token, final PhaseTable table) {
		for (int p = 0; p < table.phaseCount(); p++) {
			if (table.name(p).equalsIgnoreCase(token)) return p;
		}
		try {
			final int p = Integer.parseInt(token);
			if (p >= 0 && p < table.phaseCount()) return p;
		}
		catch (final NumberFormatException e) {
			// not an index either: reported below
		}
		throw new IllegalArgumentException("phases: '" + token + "' is neither a phase index 0.."
			+ (table.phaseCount() - 1) + " nor a phase name (" + String.join(", ", table.names()) + ")");
	}

	private void measure(final int phase, final Metric metric, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		final String phaseName = volume.phases().name(phase);
		final int curveLength = curveLength();
		switch (metric) {
			case FRACTIONS -> {
				final PhaseFractions f = PhaseFractions.of(volume);
				extensive("voxel count", phaseName, f.count(phase), "voxels");
				scalar("volume fraction", phaseName, "", f.fraction(phase), "");
				definitions.put("volume fraction", PhaseFractions.definition());
			}
			case TWO_POINT_CORRELATION -> {
				final TwoPointCorrelation.Directional s2 = TwoPointCorrelation.directional(volume, phase, curveLength);
				for (int a = 0; a < 3; a++) {
					curve("two-point correlation S2", phaseName, AXES[a], "r (" + scale.unit() + ")", "S2",
						range(0, curveLength, scale.spacing(a)), s2.curve(a));
				}
				definitions.put("two-point correlation S2", TwoPointCorrelation.Directional.definition());
				final TwoPointCorrelation.Radial radial = TwoPointCorrelation.radial(volume, phase, curveLength, true,
					progress, cancelled);
				curve("two-point correlation S2", phaseName, "radial", "r (" + scale.isotropicUnit() + ")", "S2",
					range(0, curveLength, isotropicSpacing()), radial.values());
				definitions.put("two-point correlation S2 (radial)", radial.definition());
			}
			case LINEAL_PATH -> {
				final LinealPath path = LinealPath.of(volume, phase, curveLength);
				for (int a = 0; a < 3; a++) {
					curve("lineal path L", phaseName, AXES[a], "length n (" + scale.unit() + ")", "L(n)",
						range(1, curveLength, scale.spacing(a)), path.curve(a));
				}
				definitions.put("lineal path L", LinealPath.definition());
			}
			case CHORDS -> {
				final ChordLengths chords = ChordLengths.of(volume, phase);
				for (int a = 0; a < 3; a++) {
					scalar("mean chord length", phaseName, AXES[a], chords.mean(a) * scale.spacing(a), scale.unit());
					final double[] p = chords.distribution(a);
					curve("chord length distribution", phaseName, AXES[a], "chord length (" + scale.unit() + ")",
						"fraction of chords", range(0, p.length - 1, scale.spacing(a)), p);
				}
				definitions.put("mean chord length", ChordLengths.definition());
				definitions.put("chord length distribution", ChordLengths.definition());
			}
			case SURFACE -> {
				final SpecificSurface s = SpecificSurface.of(volume, phase);
				scalar("specific surface, face count", phaseName, "", s.facesPerVolume(scale.spacings()), scale.perLength());
				for (int a = 0; a < 3; a++) {
					scalar("projected specific surface, S2 slope", phaseName, AXES[a], s.projectedSurface(a,
						scale.spacing(a)), scale.perLength());
				}
				scalar("specific surface, S2 slope, isotropic", phaseName, "", s.s2SlopeEstimate(scale.spacings()),
					scale.perLength());
				definitions.put("specific surface", SpecificSurface.definition());
			}
			case EULER -> {
				final EulerCharacteristic chi = EulerCharacteristic.of(volume, phase);
				extensive("Euler characteristic chi6", phaseName, chi.chi6(), "");
				extensive("Euler characteristic chi26", phaseName, chi.chi26(), "");
				scalar("Euler characteristic chi6 per volume", phaseName, "", perVolume(chi.chi6()), scale.perVolume());
				scalar("Euler characteristic chi26 per volume", phaseName, "", perVolume(chi.chi26()), scale.perVolume());
				definitions.put("Euler characteristic", EulerCharacteristic.definition());
			}
			case THICKNESS -> thickness(phase, phaseName, progress, cancelled);
			case COMPONENTS -> {
				for (final Connectivity c : Connectivity.values()) {
					final ComponentStatistics s = ConnectedComponents.analyse(volume, phase, c);
					final String suffix = " (" + c.neighbours() + "-connected)";
					extensive("clusters" + suffix, phaseName, s.componentCount(), "");
					scalar("clusters per volume" + suffix, phaseName, "", perVolume(s.componentCount()), scale.perVolume());
					for (int a = 0; a < 3; a++) {
						scalar("spanning fraction" + suffix, phaseName, AXES[a], s.spanningFraction(a), "");
					}
					definitions.put("clusters" + suffix, s.definition());
				}
			}
			case TORTUOSITY -> {
				for (int a = 0; a < 3; a++) {
					final int axis = a;
					final TortuosityResult t = Tortuosity.compute(volume, phase, a, Tortuosity.DEFAULT_TOLERANCE,
						Tortuosity.DEFAULT_MAX_ITERATIONS, f -> progress.accept((axis + f) / 3), cancelled);
					scalar("tortuosity factor", phaseName, AXES[a], t.tortuosityFactor(), "");
					scalar("relative diffusivity", phaseName, AXES[a], t.relativeDiffusivity(), "");
					scalar("tortuosity flux spread", phaseName, AXES[a], t.fluxSpread(), "");
					scalar("tortuosity voxel residual", phaseName, AXES[a], t.voxelResidual(), "");
					scalar("tortuosity iterations", phaseName, AXES[a], t.iterations(), "");
					definitions.put("tortuosity factor", t.definition());
					if (!t.converged()) {
						warnings.add(String.format(Locale.ROOT, "tortuosity of %s along %s not converged after %d"
							+ " iterations: flux spread %.3g (%s), voxel residual %.3g (%s)", phaseName, AXES[a],
							t.iterations(), t.fluxSpread(), t.fluxesAgree() ? "met" : "not met", t.voxelResidual(),
							t.residualSmall() ? "met" : "not met"));
					}
				}
			}
		}
	}

	private void thickness(final int phase, final String phaseName, final DoubleConsumer progress,
		final BooleanSupplier cancelled)
	{
		if (volume.phaseCounts()[phase] == volume.voxelCount()) return;
		final ThicknessDistribution t = LocalThickness.compute(volume, phase, progress, cancelled);
		final double length = isotropicSpacing();
		final String unit = scale.isotropicUnit();
		scalar("mean local thickness", phaseName, "", t.meanThickness() * length, unit);
		scalar("max distance to other phases", phaseName, "", t.maxDistance() * length, unit);
		final double[] fractions = t.fractionByRadius();
		curve("local thickness distribution", phaseName, "", "radius r (" + unit + ")", "volume fraction of phase",
			range(1, fractions.length, length), fractions);
		definitions.put("local thickness distribution", t.definition());
	}

	/** Physical length of a voxel for undirected lengths, 1 (voxels) when the voxels are not cubes. */
	private double isotropicSpacing() {
		final double spacing = scale.isotropicSpacing();
		return Double.isNaN(spacing) ? 1 : spacing;
	}

	/** A count per unit volume of the whole volume. */
	private double perVolume(final double count) {
		return count / (volume.voxelCount() * scale.voxelVolume());
	}

	private int curveLength() {
		final int shortest = Math.min(volume.sizeX(), Math.min(volume.sizeY(), volume.sizeZ()));
		return Math.max(1, Math.min(MAX_CURVE_LENGTH, shortest / 4));
	}

	private void scalar(final String metric, final String phase, final String axis, final double value,
		final String unit)
	{
		scalars.add(new Scalar(metric, phase, axis, value, unit));
	}

	private void extensive(final String metric, final String phase, final double value, final String unit) {
		scalars.add(new Scalar(metric, phase, "", value, unit, true));
	}

	private void curve(final String metric, final String phase, final String axis, final String xLabel,
		final String yLabel, final double[] x, final double[] y)
	{
		curves.add(new Curve(metric, phase, axis, xLabel, yLabel, x, y));
	}

	/** from, from + 1, ..., to, each times step. */
	private static double[] range(final int from, final int to, final double step) {
		final double[] r = new double[Math.max(0, to - from + 1)];
		for (int i = 0; i < r.length; i++) r[i] = (from + i) * step;
		return r;
	}
}
