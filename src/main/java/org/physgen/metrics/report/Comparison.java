package org.physgen.metrics.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A reference volume's statistics beside those of N generated volumes, and, where the reference set
 * has volumes of the generated size, the natural-spread comparison.
 */
public final class Comparison {

	private final VolumeStatistics reference;
	private final List<VolumeStatistics> generated;
	private final Fidelity fidelity;
	private final List<String> notes;

	public Comparison(final VolumeStatistics reference, final List<VolumeStatistics> generated) {
		this(reference, generated, null, List.of());
	}

	/**
	 * @param fidelity the natural-spread comparison, or null when there is none
	 * @param notes warnings of the comparison itself, e.g. why there is no natural-spread comparison
	 */
	public Comparison(final VolumeStatistics reference, final List<VolumeStatistics> generated,
		final Fidelity fidelity, final List<String> notes)
	{
		this.reference = reference;
		this.generated = List.copyOf(generated);
		this.fidelity = fidelity;
		this.notes = List.copyOf(notes);
	}

	/** The natural-spread comparison, if the reference set had volumes of the generated size. */
	public Optional<Fidelity> fidelity() {
		return Optional.ofNullable(fidelity);
	}

	public VolumeStatistics reference() {
		return reference;
	}

	public List<VolumeStatistics> generated() {
		return generated;
	}

	/**
	 * One row per scalar of the reference, in its order; generated volumes lacking it are skipped.
	 * Extensive scalars get no relative difference unless every volume has the reference's size.
	 */
	public List<ComparisonRow> rows() {
		final boolean sameSize = generated.stream().allMatch(g -> g.size().equals(reference.size()));
		final List<ComparisonRow> rows = new ArrayList<>();
		for (final Scalar ref : reference.scalars()) {
			final List<Double> values = new ArrayList<>();
			for (final VolumeStatistics g : generated) {
				final Scalar s = byKey(g).get(ref.key());
				if (s != null) values.add(s.value());
			}
			rows.add(new ComparisonRow(ref.key(), ref.unit(), ref.value(), SampleMoments.mean(values),
				SampleMoments.sd(values), values.size(), sameSize || !ref.extensive()));
		}
		return rows;
	}

	/**
	 * The comparison's own notes, the warnings of every volume, each prefixed with the volume's name,
	 * and one when the volumes differ in size.
	 */
	public List<String> warnings() {
		final List<String> all = new ArrayList<>(notes);
		for (final VolumeStatistics v : volumes()) {
			for (final String w : v.warnings()) all.add(v.volume() + ": " + w);
		}
		final List<String> sizes = generated.stream().map(VolumeStatistics::size).filter(s -> !s.equals(reference
			.size())).map(GridSize::toString).distinct().toList();
		if (!sizes.isEmpty()) {
			all.add("the reference is " + reference.size() + " voxels, generated volumes " + String.join(", ", sizes)
				+ ": extensive quantities (voxel counts, Euler characteristics, cluster counts) are not compared;"
				+ " compare their per-volume densities");
		}
		return all;
	}

	/** The reference, then the generated volumes. */
	public List<VolumeStatistics> volumes() {
		final List<VolumeStatistics> all = new ArrayList<>();
		all.add(reference);
		all.addAll(generated);
		return all;
	}

	/** Curves of every volume grouped by curve key, the reference's first. */
	public Map<String, List<Curve>> curvesByKey() {
		final Map<String, List<Curve>> groups = new LinkedHashMap<>();
		for (final Curve c : reference.curves()) groups.computeIfAbsent(c.key(), k -> new ArrayList<>()).add(c);
		for (final VolumeStatistics g : generated) {
			for (final Curve c : g.curves()) {
				final List<Curve> group = groups.get(c.key());
				if (group != null) group.add(c);
			}
		}
		return groups;
	}

	/** Definitions of every metric that appears, reference first. */
	public Map<String, String> definitions() {
		final Map<String, String> all = new LinkedHashMap<>(reference.definitions());
		for (final VolumeStatistics g : generated) g.definitions().forEach(all::putIfAbsent);
		return all;
	}

	private static Map<String, Scalar> byKey(final VolumeStatistics statistics) {
		final Map<String, Scalar> map = new LinkedHashMap<>();
		for (final Scalar s : statistics.scalars()) map.put(s.key(), s);
		return map;
	}
}
