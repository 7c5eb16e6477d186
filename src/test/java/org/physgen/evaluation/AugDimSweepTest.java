package org.physgen.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.metrics.report.ReportWriter;
import org.physgen.pfgm.SigmaGrid;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.OutputFiles;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VoxelSize;

class AugDimSweepTest {

	private static AugDimSweepSettings settings(final Path volume, final Path output, final String... options) {
		final List<String> all = new ArrayList<>(List.of("size=8", "crop_size=8", "output_dir=" + output));
		all.addAll(List.of(options));
		return AugDimSweepSettings.parse(volume, all);
	}

	private static String message(final Runnable parse) {
		return assertThrows(IllegalArgumentException.class, parse::run).getMessage();
	}

	@Test
	void theDefaultsAreTheSweepOfSpecFive(@TempDir final Path folder) {
		final AugDimSweepSettings settings = AugDimSweepSettings.parse(folder.resolve("ketton.tif"), List.of());
		assertEquals(List.of(1.0, 4.0, 16.0, 128.0, 2048.0, Double.POSITIVE_INFINITY), settings.augDims());
		assertEquals(List.of(6, 10, 18), settings.samplerSteps());
		assertEquals(List.of(0.0, 0.05, 0.1), settings.networkErrors());
		assertEquals(Path.of("target/pfgm-d-ketton"), settings.benchmark().output());
		assertEquals(4.0, settings.training(4, folder.resolve("m.physgen")).augDim());
		assertTrue(settings.describe().endsWith("aug_dims=1,4,16,128,2048,inf sampler_steps=6,10,18 "
			+ "network_errors=0,0.05,0.1"), settings.describe());
	}

	@Test
	void badSettingsNameTheParameterAndValue(@TempDir final Path folder) {
		final Path volume = folder.resolve("rock.tif");
		assertEquals("aug_dims must be each at least 1 (1 is PFGM) or inf, got 0.5", message(() -> settings(volume,
			folder, "aug_dims=4,0.5")));
		assertEquals("aug_dims must be a comma-separated list of numbers of at least 1 or inf, got '4,many'", message(
			() -> settings(volume, folder, "aug_dims=4,many")));
		assertEquals("sampler_steps must be each a whole number of at least 2, got 1", message(() -> settings(volume,
			folder, "sampler_steps=1,6")));
		assertEquals("sampler_steps must be a comma-separated list of whole numbers, got '6.5'", message(
			() -> settings(volume, folder, "sampler_steps=6.5")));
		assertEquals("network_errors must be each a finite number of at least 0, got -0.1", message(() -> settings(
			volume, folder, "network_errors=0,-0.1")));
		assertEquals("held_out must be at least 8, got 4", message(() -> settings(volume, folder, "held_out=4")));
		assertTrue(message(() -> settings(volume, folder, "families=dsd")).startsWith("unknown option 'families=dsd'"));
		assertTrue(message(() -> settings(volume, folder, "aug_dim=4")).contains("aug_dims, sampler_steps, "
			+ "network_errors"));
	}

	/**
	 * A tiny sweep on a bead pack: D = 1 and ∞, three training steps at width 4, 8³ cubes. The
	 * summary, the §14 table, the CSVs and the two PNGs are written, and each D has one point per n
	 * and per ε.
	 */
	@Test
	void aTinySweepWritesTheSummaryTableCsvsAndPlots(@TempDir final Path folder) throws IOException {
		final Path volume = folder.resolve("beads.tif");
		TiffVolumeWriter.write(SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.SPHERES, 24, 24, 24,
			new double[] { 0.6 }, 2, 2, false, 3, VoxelSize.DEFAULT)), volume);
		final Path output = folder.resolve("out");
		final AugDimSweep.Result result = AugDimSweep.run(settings(volume, output, "aug_dims=1,inf",
			"sampler_steps=3,2", "network_errors=0,0.1", "steps=3", "channels=4", "batch=8", "threads=1", "minutes=5"),
			line -> {});
		assertEquals(2, result.rows().size());
		for (final AugDimSweep.Row row : result.rows()) {
			assertEquals(List.of(2, 3), row.bySteps().stream().map(AugDimSweep.Point::steps).toList());
			assertEquals(List.of(0.0, 0.1), row.byError().stream().map(AugDimSweep.Point::networkError).toList());
			assertTrue(row.byError().stream().allMatch(p -> p.steps() == SigmaGrid.DEFAULT_STEPS));
			assertEquals(3, row.trainingSteps());
			assertTrue(Double.isFinite(row.medianLoss()) && row.medianLoss() > 0, "median loss " + row.medianLoss());
			assertEquals(8, row.atDefault().method().volumes().size());
		}
		final String summary = Files.readString(result.summary());
		assertTrue(summary.contains("| D | n = 2 | n = 3 | ε = 0 | ε = 0.1 | training steps | training min | final loss "
			+ "(median of last 50) | projection changed |"), summary);
		assertTrue(summary.contains("| 1 (PFGM) |") && summary.contains("| ∞ |"), summary);
		final String table = Files.readString(result.table());
		assertTrue(table.contains("| z real vs real | z Gaussian field | z PFGM (D = 1) | z PFGM++ (D = inf, diffusion) |"),
			table);
		assertTrue(OutputFiles.isPng(result.stepsPlot()) && OutputFiles.isPng(result.errorPlot()));
		assertTrue(OutputFiles.isPng(output.resolve(FidelityBenchmark.PICTURE)));
		for (final String key : List.of("real", "gaussian-field", "D-1", "D-inf")) {
			assertTrue(Files.readString(output.resolve(key).resolve(FidelityBenchmark.CSV)).startsWith(
				ReportWriter.FIDELITY_COLUMNS + "\n"), key);
		}
		final List<String> steps = Files.readAllLines(output.resolve(AugDimSweep.STEPS_CSV));
		assertEquals(5, steps.size(), "header and one line per D and n");
		assertTrue(steps.get(1).startsWith("1,2,0,"), steps.get(1));
		final List<String> errors = Files.readAllLines(output.resolve(AugDimSweep.ERROR_CSV));
		assertEquals(5, errors.size(), "header and one line per D and ε");
		assertTrue(errors.get(4).startsWith("inf,18,0.1,"), errors.get(4));
	}
}
