package org.physgen.metrics;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

import org.physgen.metrics.report.Comparison;
import org.physgen.metrics.report.Curve;
import org.physgen.metrics.report.CurveBand;
import org.physgen.metrics.report.GridSize;
import org.physgen.metrics.report.Scalar;
import org.physgen.metrics.report.VolumeStatistics;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeFiles;
import org.physgen.volume.VolumeReader;

/**
 * Measures a reference volume and generated volumes of the same material, side by side, and, when the
 * generated volumes share one size and the reference set holds at least two volumes of that size
 * (disjoint sub-volumes of a larger reference, or held-out volumes), compares them with the
 * reference's natural spread ({@link FidelityComparison}).
 */
public final class MicrostructureComparison {

	/** The metrics that draw curves, whose reference band is measured on the reference volumes. */
	private static final Set<Metric> CURVE_METRICS = EnumSet.of(Metric.TWO_POINT_CORRELATION, Metric.LINEAL_PATH,
		Metric.CHORDS, Metric.THICKNESS);

	private MicrostructureComparison() {}

	/**
	 * @param phases phase selection for {@link MicrostructureStatistics#parsePhases}
	 * @param generated files of the generated volumes; each must have as many phases as the reference,
	 *          matched by phase index
	 * @param heldOut files of held-out volumes of the generated size for the natural spread; empty to
	 *          cut the reference into sub-volumes instead
	 * @throws IllegalArgumentException when a volume's phase count differs from the reference's, or a
	 *           held-out volume's size from the generated size
	 */
	public static Comparison compare(final LabelVolume reference, final String referenceName,
		final List<Path> generated, final List<Path> heldOut, final String phases, final Set<Metric> metrics,
		final DoubleConsumer progress, final BooleanSupplier cancelled) throws IOException
	{
		final int[] selected = MicrostructureStatistics.parsePhases(phases, reference.phases());
		final List<String> notes = new ArrayList<>();
		final LabelVolume first = generated.isEmpty() ? null : read(generated.get(0), reference, referenceName);
		final GridSize size = first == null ? null : FidelityComparison.sizeOf(first);
		final List<LabelVolume> spreadSet = heldOut.isEmpty() ? size == null ? List.of() : subVolumes(reference,
			referenceName, size, notes) : readHeldOut(heldOut, size, reference, referenceName);
		boolean spread = !spreadSet.isEmpty();
		final Steps done = new Steps(generated.size() + 1 + (spread ? generated.size() + spreadSet.size() : 0),
			progress);
		final VolumeStatistics ref = MicrostructureStatistics.measure(reference, referenceName, selected, metrics,
			done::within, cancelled);
		done.next();
		final List<VolumeStatistics> results = new ArrayList<>();
		final List<List<Scalar>> generatedSpread = new ArrayList<>();
		for (int i = 0; i < generated.size(); i++) {
			final Path file = generated.get(i);
			final LabelVolume volume = i == 0 ? first : read(file, reference, referenceName);
			results.add(MicrostructureStatistics.measure(volume, VolumeFiles.baseName(file), selected, metrics,
				done::within, cancelled));
			done.next();
			if (spread && !FidelityComparison.sizeOf(volume).equals(size)) {
				notes.add("no natural-spread comparison: the generated volumes differ in size (" + size + " and "
					+ FidelityComparison.sizeOf(volume) + ")");
				spread = false;
			}
			if (spread) {
				generatedSpread.add(FidelityStatistics.measure(volume, cancelled));
				done.next();
			}
		}
		if (!spread) return new Comparison(ref, results, null, notes);
		final List<List<Scalar>> referenceSpread = new ArrayList<>();
		for (final LabelVolume volume : spreadSet) {
			referenceSpread.add(FidelityStatistics.measure(volume, cancelled));
			done.next();
		}
		final Map<String, CurveBand> bands = curveBands(spreadSet, referenceName, selected, metrics, cancelled);
		final String description = heldOut.isEmpty() ? spreadSet.size() + " disjoint " + size + " sub-volumes of "
			+ referenceName : heldOut.size() + " held-out volumes";
		return new Comparison(ref, results, FidelityComparison.of(description, size, referenceSpread,
			generatedSpread).withBands(bands), notes);
	}

	/** The band of each curve of the chosen metrics over the reference volumes of the generated size. */
	private static Map<String, CurveBand> curveBands(final List<LabelVolume> volumes, final String referenceName,
		final int[] phases, final Set<Metric> metrics, final BooleanSupplier cancelled)
	{
		final Set<Metric> curveMetrics = EnumSet.noneOf(Metric.class);
		curveMetrics.addAll(metrics);
		curveMetrics.retainAll(CURVE_METRICS);
		if (curveMetrics.isEmpty()) return Map.of();
		final Map<String, List<Curve>> curves = new LinkedHashMap<>();
		for (final LabelVolume volume : volumes) {
			for (final Curve c : MicrostructureStatistics.measure(volume, referenceName, phases, curveMetrics, f -> {},
				cancelled).curves()) {
				curves.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
			}
		}
		final Map<String, CurveBand> bands = new LinkedHashMap<>();
		curves.forEach((key, group) -> bands.put(key, CurveBand.of(group)));
		return bands;
	}

	/**
	 * The reference's sub-volumes of the generated size, or none (with a note why) when fewer than two
	 * fit; none without a note when the reference has the generated size.
	 */
	private static List<LabelVolume> subVolumes(final LabelVolume reference, final String referenceName,
		final GridSize size, final List<String> notes)
	{
		final GridSize referenceSize = FidelityComparison.sizeOf(reference);
		if (referenceSize.equals(size)) return List.of();
		final int count = FidelityComparison.subVolumeCount(referenceSize, size);
		if (count < FidelityComparison.MIN_REFERENCE_VOLUMES) {
			notes.add("no natural-spread comparison: the reference " + referenceName + " (" + referenceSize
				+ ") holds " + count + " disjoint sub-volume(s) of the generated size " + size + ", at least "
				+ FidelityComparison.MIN_REFERENCE_VOLUMES + " are needed; give held-out volumes of that size instead");
			return List.of();
		}
		return FidelityComparison.subVolumes(reference, size);
	}

	/**
	 * Reads every held-out volume before any measuring and checks its size and phase count.
	 *
	 * @param size the generated size, null when nothing is generated
	 */
	private static List<LabelVolume> readHeldOut(final List<Path> files, final GridSize size,
		final LabelVolume reference, final String referenceName) throws IOException
	{
		if (files.size() < FidelityComparison.MIN_REFERENCE_VOLUMES) {
			throw new IllegalArgumentException("held_out_dir: the natural spread needs at least "
				+ FidelityComparison.MIN_REFERENCE_VOLUMES + " held-out volumes, got " + files.size());
		}
		final List<LabelVolume> volumes = new ArrayList<>();
		for (final Path file : files) {
			final LabelVolume volume = read(file, reference, referenceName);
			if (size != null && !FidelityComparison.sizeOf(volume).equals(size)) {
				throw new IllegalArgumentException("held_out_dir: volume " + file + " is " + FidelityComparison.sizeOf(
					volume) + " voxels, the generated volumes " + size);
			}
			volumes.add(volume);
		}
		return size == null ? List.of() : volumes;
	}

	private static LabelVolume read(final Path file, final LabelVolume reference, final String referenceName)
		throws IOException
	{
		final LabelVolume read = VolumeReader.read(file);
		if (read.phases().phaseCount() != reference.phases().phaseCount()) {
			throw new IllegalArgumentException("volume " + file + " has " + read.phases().phaseCount()
				+ " phases, the reference " + referenceName + " has " + reference.phases().phaseCount());
		}
		// phases correspond by index; the reference's names make the report rows line up
		return new LabelVolume(read.img(), reference.phases(), read.voxelSize());
	}

	/** Progress over a fixed number of equal steps. */
	private static final class Steps {

		private final int total;
		private final DoubleConsumer progress;
		private int done;

		Steps(final int total, final DoubleConsumer progress) {
			this.total = total;
			this.progress = progress;
		}

		void within(final double fraction) {
			progress.accept((done + Math.max(0, Math.min(1, fraction))) / total);
		}

		void next() {
			progress.accept(++done / (double) total);
		}
	}
}
