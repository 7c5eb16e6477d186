package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.physgen.metrics.report.Fidelity;
import org.physgen.metrics.report.FidelityRow;
import org.physgen.metrics.report.GridSize;

import ij.measure.ResultsTable;

class StatisticsWindowsTest {

	@Test
	void theFidelityTableHasTheColumnsOfFidelityCsv() {
		final ResultsTable table = StatisticsWindows.fidelityTable(new Fidelity("2 held-out volumes", 2, new GridSize(8,
			8, 8), List.of(new FidelityRow("mean chord length [pore]", "µm", 10, 2, 2, 15, 1, 3))));
		assertEquals("statistic,unit,reference_mean,reference_sd,reference_count,generated_mean,generated_sd,"
			+ "generated_count,z,within", String.join(",", table.getHeadings()));
		assertEquals("mean chord length [pore]", table.getStringValue("statistic", 0));
		assertEquals(2.5, table.getValue("z", 0), 1e-12);
		assertEquals("false", table.getStringValue("within", 0));
	}
}
