package org.physgen.metrics.report;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The natural-spread comparison of SPEC §14: each intensive statistic over the reference sub-volumes
 * (or held-out volumes) against the same statistic over the generated volumes, all of one size.
 *
 * @param reference what the reference set is, e.g. "8 disjoint 32 x 32 x 32 sub-volumes of rock"
 * @param referenceVolumes how many reference volumes were measured
 * @param size the size of every volume compared
 * @param bands the reference volumes' curves as mean ± sd, by curve key ({@link Curve#key})
 */
public record Fidelity(String reference, int referenceVolumes, GridSize size, List<FidelityRow> rows,
	Map<String, CurveBand> bands)
{

	public Fidelity {
		rows = List.copyOf(rows);
		bands = Map.copyOf(bands);
	}

	/** Without curve bands. */
	public Fidelity(final String reference, final int referenceVolumes, final GridSize size,
		final List<FidelityRow> rows)
	{
		this(reference, referenceVolumes, size, rows, Map.of());
	}

	/** The same comparison with the reference volumes' curve bands. */
	public Fidelity withBands(final Map<String, CurveBand> curveBands) {
		return new Fidelity(reference, referenceVolumes, size, rows, curveBands);
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
