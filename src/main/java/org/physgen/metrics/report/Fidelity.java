package org.physgen.metrics.report;

import java.util.List;
import java.util.Locale;

/**
 * The natural-spread comparison of SPEC §14: each intensive statistic over the reference sub-volumes
 * (or held-out volumes) against the same statistic over the generated volumes, all of one size.
 *
 * @param reference what the reference set is, e.g. "8 disjoint 32 x 32 x 32 sub-volumes of rock"
 * @param referenceVolumes how many reference volumes were measured
 * @param size the size of every volume compared
 */
public record Fidelity(String reference, int referenceVolumes, GridSize size, List<FidelityRow> rows) {

	public Fidelity {
		rows = List.copyOf(rows);
	}

	/** Rows with |z| ≤ 2. */
	public int matched() {
		return (int) rows.stream().filter(FidelityRow::within).count();
	}

	/** "N of M statistics within natural variability (|z| ≤ 2) of K reference volumes ...". */
	public String headline() {
		return String.format(Locale.ROOT, "%d of %d statistics within natural variability (|z| <= 2) of %s",
			matched(), rows.size(), reference);
	}
}
