package org.physgen.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.FidelityRow;
import org.physgen.metrics.report.GridSize;
import org.physgen.metrics.report.Scalar;
import org.physgen.metrics.report.SampleMoments;
import org.physgen.volume.LabelVolume;

/**
 * Answers "is it the same material?" (SPEC §14): the {@link FidelityStatistics} of generated volumes
 * against their natural variability, the spread of the same statistics over reference volumes of the
 * same size, either disjoint sub-volumes cut from one larger volume or held-out volumes.
 */
public final class FidelityComparison {

	/** Fewer reference volumes give no standard deviation. */
	public static final int MIN_REFERENCE_VOLUMES = 2;

	private FidelityComparison() {}

	/**
	 * Cuts the volume into as many disjoint sub-volumes of the given size as fit, corner to corner from
	 * the origin (x fastest, then y, then z); the remainder along each axis is left out.
	 *
	 * @throws IllegalArgumentException when not even one fits
	 */
	public static List<LabelVolume> subVolumes(final LabelVolume volume, final GridSize size) {
		final int nx = volume.sizeX() / size.x(), ny = volume.sizeY() / size.y(), nz = volume.sizeZ() / size.z();
		if (nx * ny * nz == 0) {
			throw new IllegalArgumentException("a sub-volume of " + size + " voxels does not fit in the reference of "
				+ sizeOf(volume) + " voxels");
		}
		final List<LabelVolume> blocks = new ArrayList<>();
		for (int bz = 0; bz < nz; bz++) {
			for (int by = 0; by < ny; by++) {
				for (int bx = 0; bx < nx; bx++) blocks.add(block(volume, size, bx, by, bz));
			}
		}
		return blocks;
	}

	/** How many disjoint sub-volumes of the size fit in a volume of the reference size. */
	public static int subVolumeCount(final GridSize reference, final GridSize size) {
		return reference.x() / size.x() * (reference.y() / size.y()) * (reference.z() / size.z());
	}

	/**
	 * Measures and compares volumes held in memory.
	 *
	 * @param description what the reference set is, for the headline
	 * @throws IllegalArgumentException before any measuring when there are fewer than two reference
	 *           volumes, no generated volume, or the volumes differ in size or phases
	 */
	public static Fidelity compare(final List<LabelVolume> reference, final List<LabelVolume> generated,
		final String description, final BooleanSupplier cancelled)
	{
		if (reference.size() < MIN_REFERENCE_VOLUMES) {
			throw new IllegalArgumentException("reference: the natural spread needs at least "
				+ MIN_REFERENCE_VOLUMES + " volumes, got " + reference.size());
		}
		if (generated.isEmpty()) throw new IllegalArgumentException("generated: no volumes to compare");
		final LabelVolume first = reference.get(0);
		for (final LabelVolume v : concat(reference, generated)) requireLike(first, v);
		final List<List<Scalar>> ref = new ArrayList<>(), gen = new ArrayList<>();
		for (final LabelVolume v : reference) ref.add(FidelityStatistics.measure(v, cancelled));
		for (final LabelVolume v : generated) gen.add(FidelityStatistics.measure(v, cancelled));
		return of(description, sizeOf(first), ref, gen);
	}

	/**
	 * Compares statistics already measured with {@link FidelityStatistics#measure}: one row per
	 * statistic of the first reference volume, in its order.
	 */
	public static Fidelity of(final String description, final GridSize size, final List<List<Scalar>> reference,
		final List<List<Scalar>> generated)
	{
		final Map<String, List<Double>> ref = valuesByKey(reference), gen = valuesByKey(generated);
		final Map<String, String> units = new LinkedHashMap<>();
		for (final List<Scalar> volume : reference) {
			for (final Scalar s : volume) units.putIfAbsent(s.key(), s.unit());
		}
		final List<FidelityRow> rows = new ArrayList<>();
		units.forEach((key, unit) -> {
			final List<Double> r = ref.get(key), g = gen.getOrDefault(key, List.of());
			rows.add(new FidelityRow(key, unit, SampleMoments.mean(r), SampleMoments.sd(r), r.size(),
				SampleMoments.mean(g), SampleMoments.sd(g), g.size()));
		});
		return new Fidelity(description, reference.size(), size, rows);
	}

	public static GridSize sizeOf(final LabelVolume volume) {
		return new GridSize(volume.sizeX(), volume.sizeY(), volume.sizeZ());
	}

	private static void requireLike(final LabelVolume first, final LabelVolume v) {
		if (!sizeOf(v).equals(sizeOf(first))) {
			throw new IllegalArgumentException("volumes compared for natural spread must have one size: "
				+ sizeOf(first) + " and " + sizeOf(v));
		}
		if (!v.phases().names().equals(first.phases().names())) {
			throw new IllegalArgumentException("volumes compared for natural spread must have the same phases: "
				+ first.phases().names() + " and " + v.phases().names());
		}
	}

	private static LabelVolume block(final LabelVolume volume, final GridSize size, final int bx, final int by,
		final int bz)
	{
		final byte[][] slices = new byte[size.z()][size.x() * size.y()];
		for (int z = 0; z < size.z(); z++) {
			final byte[] source = volume.slice(bz * size.z() + z);
			for (int y = 0; y < size.y(); y++) {
				System.arraycopy(source, bx * size.x() + (by * size.y() + y) * volume.sizeX(), slices[z], y * size.x(),
					size.x());
			}
		}
		return LabelVolume.fromSlices(slices, size.x(), size.y(), volume.phases(), volume.voxelSize());
	}

	/** Finite values of each statistic key, over the volumes. */
	private static Map<String, List<Double>> valuesByKey(final List<List<Scalar>> volumes) {
		final Map<String, List<Double>> values = new LinkedHashMap<>();
		for (final List<Scalar> volume : volumes) {
			for (final Scalar s : volume) {
				final List<Double> list = values.computeIfAbsent(s.key(), k -> new ArrayList<>());
				if (Double.isFinite(s.value())) list.add(s.value());
			}
		}
		return values;
	}

	private static List<LabelVolume> concat(final List<LabelVolume> a, final List<LabelVolume> b) {
		final List<LabelVolume> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
