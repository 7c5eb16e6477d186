package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.metrics.report.ComparisonRow;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VoxelSize;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.log.LogService;

class StatisticsCommandsTest {

	@TempDir
	Path dir;

	private HeadlessCommands commands;

	@BeforeEach
	void start() {
		commands = new HeadlessCommands();
	}

	@AfterEach
	void stop() {
		commands.close();
	}

	private CommandModule run(final Class<? extends Command> command, final Map<String, Object> inputs)
		throws Exception
	{
		return commands.run(command, inputs);
	}

	private Path volume(final String name, final long seed, final double fraction) throws Exception {
		return volume(name, 24, seed, fraction);
	}

	/** Two 16³ volumes (seeds 2 and 3) in the folder "small", the generated set of the size tests. */
	private void smallVolumes(final double fraction) throws Exception {
		Files.createDirectories(dir.resolve("small"));
		volume("small/a.tif", 16, 2, fraction);
		volume("small/b.tif", 16, 3, fraction);
	}

	private Path volume(final String name, final int size, final long seed, final double fraction) throws Exception {
		final LabelVolume v = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, size,
			size, size, new double[] { fraction }, 2.5, 3, false, seed, VoxelSize.DEFAULT));
		final Path file = dir.resolve(name);
		TiffVolumeWriter.write(v, file);
		return file;
	}

	@Test
	void statisticsOfOneVolumeAreWrittenWithDefinitions() throws Exception {
		final Path input = volume("rock.tif", 1, 0.25);
		final Path out = dir.resolve("stats");
		final CommandModule module = run(MicrostructureStatisticsCommand.class, Map.of("input_file", input.toFile(),
			"phases", "pore", "metrics", "fractions,euler,s2", "output_dir", out.toFile()));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		assertEquals(out.resolve("report.html").toString(), module.getOutput("report"));
		final List<String> rows = Files.readAllLines(out.resolve("comparison.csv"));
		assertEquals("voxel count [pore],voxels,3456,,,0,,", rows.get(1));
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Euler characteristic chi6 [pore],")));
		assertTrue(rows.stream().noneMatch(r -> r.contains("[solid]")), "only the chosen phase");
		final JsonObject json = JsonParser.parseString(Files.readString(out.resolve("statistics.json"))).getAsJsonObject();
		assertTrue(json.getAsJsonObject("definitions").has("two-point correlation S2"));
		assertTrue(Files.exists(out.resolve("plots/two-point-correlation-s2-pore-radial.png")));
	}

	/** Headless, without output_dir, the scalars still reach the user: through the log. */
	@Test
	void headlessStatisticsWithoutAnOutputFolderLogTheScalars() throws Exception {
		final Path input = volume("rock.tif", 1, 0.25);
		final List<String> lines = new ArrayList<>();
		commands.context().service(LogService.class).addLogListener(message -> lines.add(message.text()));
		final CommandModule module = run(MicrostructureStatisticsCommand.class, Map.of("input_file", input.toFile(),
			"phases", "pore", "metrics", "fractions"));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final String logged = String.join("\n", lines);
		assertTrue(logged.contains("rock,voxel count,pore,,3456,voxels"), logged);
	}

	@Test
	void comparisonPutsTheReferenceBesideTheGeneratedMean() throws Exception {
		final Path reference = volume("reference.tif", 1, 0.25);
		Files.createDirectories(dir.resolve("generated"));
		final Path a = volume("generated/a.tif", 2, 0.20), b = volume("generated/b.tif", 3, 0.30);
		final Path out = dir.resolve("comparison");
		final CommandModule module = run(CompareMicrostructuresCommand.class, Map.of("reference_file", reference.toFile(),
			"generated", a.getParent().toString(), "metrics", "fractions", "output_dir", out.toFile()));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final String fraction = Files.readAllLines(out.resolve("comparison.csv")).stream()
			.filter(r -> r.startsWith("volume fraction [pore]")).findFirst().orElseThrow();
		final String[] cells = fraction.split(",");
		assertEquals(0.25, Double.parseDouble(cells[2]), 1e-4);
		assertEquals(0.25, Double.parseDouble(cells[3]), 1e-4);
		assertEquals(Math.sqrt(0.005), Double.parseDouble(cells[4]), 1e-4);
		assertEquals("2", cells[5]);
		assertTrue(b.toFile().exists());
	}

	/**
	 * A 32³ reference against 16³ volumes of the same material: counts and Euler characteristics are
	 * 8x larger for the size alone, so they get no relative difference; their densities do.
	 */
	@Test
	void comparisonAcrossSizesComparesDensitiesNotCounts() throws Exception {
		final Path reference = volume("reference.tif", 32, 1, 0.25);
		smallVolumes(0.25);
		final Path out = dir.resolve("sizes");
		final CommandModule module = run(CompareMicrostructuresCommand.class, Map.of("reference_file", reference.toFile(),
			"generated", dir.resolve("small").toString(), "metrics", "fractions,euler,components", "phases", "pore",
			"output_dir", out.toFile()));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final Map<String, String[]> rows = new java.util.HashMap<>();
		for (final String line : Files.readAllLines(out.resolve("comparison.csv"))) rows.put(line.split(",")[0], line
			.split(",", -1));
		final String[] count = rows.get("voxel count [pore]");
		assertEquals("8192", count[2]);
		assertEquals("1024", count[3]);
		assertEquals("", count[6], "no relative difference between counts of volumes of different sizes");
		assertEquals(ComparisonRow.NOT_COMPARABLE, count[7]);
		for (final String extensive : List.of("Euler characteristic chi6 [pore]", "Euler characteristic chi26 [pore]",
			"clusters (6-connected) [pore]", "clusters (26-connected) [pore]")) {
			assertEquals("", rows.get(extensive)[6], extensive);
			assertEquals(ComparisonRow.NOT_COMPARABLE, rows.get(extensive)[7], extensive);
		}
		for (final String intensive : List.of("volume fraction [pore]", "Euler characteristic chi26 per volume [pore]",
			"clusters per volume (26-connected) [pore]")) {
			assertFalse(rows.get(intensive)[6].isEmpty(), intensive);
			assertEquals("", rows.get(intensive)[7], intensive);
		}
		assertEquals(0.0, Double.parseDouble(rows.get("volume fraction [pore]")[6]), 1e-9);
		final double chi = Double.parseDouble(rows.get("Euler characteristic chi26 [pore]")[2]);
		assertEquals(chi / 32768, Double.parseDouble(rows.get("Euler characteristic chi26 per volume [pore]")[2]), 1e-9);
		final JsonObject json = JsonParser.parseString(Files.readString(out.resolve("statistics.json"))).getAsJsonObject();
		assertTrue(json.getAsJsonArray("warnings").get(0).getAsString().startsWith(
			"the reference is 32 x 32 x 32 voxels, generated volumes 16 x 16 x 16"));
	}

	/**
	 * A 32³ reference is cut into eight 16³ sub-volumes; 16³ volumes of the same generator lie within
	 * their spread, and fidelity.csv has exactly the documented columns.
	 */
	@Test
	void aLargerReferenceGivesTheNaturalSpread() throws Exception {
		final Path reference = volume("reference.tif", 32, 1, 0.4);
		smallVolumes(0.4);
		final Path out = dir.resolve("spread");
		final CommandModule module = run(CompareMicrostructuresCommand.class, Map.of("reference_file", reference.toFile(),
			"generated", dir.resolve("small").toString(), "metrics", "fractions,s2", "output_dir", out.toFile()));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final List<String> lines = Files.readAllLines(out.resolve("fidelity.csv"));
		assertEquals("statistic,unit,reference_mean,reference_sd,reference_count,generated_mean,generated_sd,"
			+ "generated_count,z,within", lines.get(0));
		assertEquals(13, lines.size(), "one row per statistic and phase");
		for (final String line : lines.subList(1, lines.size())) {
			final String[] cells = line.split(",(?=[^\"]*(\"[^\"]*\"[^\"]*)*$)", -1);
			assertEquals(10, cells.length, line);
			assertEquals("8", cells[4], line);
			assertEquals("2", cells[7], line);
			assertEquals("true", cells[9], line);
			assertFalse(line.startsWith("voxel count") || line.startsWith("Euler characteristic chi26 [")
				|| line.startsWith("clusters ("), "no extensive quantity: " + line);
		}
		final String html = Files.readString(out.resolve("report.html"));
		assertTrue(html.indexOf("12 of 12 statistics within natural variability (|z| &lt;= 2) of 8 disjoint 16 x 16"
			+ " x 16 sub-volumes of reference") < html.indexOf("<h2>Scalars</h2>"), "the page leads with the headline");
		final JsonObject json = JsonParser.parseString(Files.readString(out.resolve("statistics.json"))).getAsJsonObject();
		assertEquals(12, json.getAsJsonObject("fidelity").get("matched").getAsInt());
		final JsonObject band = json.getAsJsonObject("fidelity").getAsJsonObject("curve_bands").getAsJsonObject(
			"two-point correlation S2 [pore] (z)");
		assertEquals(5, band.getAsJsonArray("mean").size(), "S2 of the 16-voxel sub-volumes to r = 16 / 4");
		assertEquals(0.4, band.getAsJsonArray("mean").get(0).getAsDouble(), 0.05, "S2(0) is the porosity");
	}

	@Test
	void heldOutVolumesAreTheReferenceSet() throws Exception {
		final Path reference = volume("reference.tif", 16, 1, 0.4);
		Files.createDirectories(dir.resolve("held-out"));
		Files.createDirectories(dir.resolve("generated"));
		for (int i = 0; i < 3; i++) volume("held-out/h" + i + ".tif", 16, 10 + i, 0.4);
		volume("generated/g.tif", 16, 20, 0.4);
		final Path out = dir.resolve("held");
		final CommandModule module = run(CompareMicrostructuresCommand.class, Map.of("reference_file", reference.toFile(),
			"generated", dir.resolve("generated").toString(), "held_out_dir", dir.resolve("held-out").toFile(), "metrics",
			"fractions", "output_dir", out.toFile()));
		assertFalse(module.isCanceled(), () -> module.getCancelReason());
		final List<String> lines = Files.readAllLines(out.resolve("fidelity.csv"));
		assertTrue(lines.get(1).equals("volume fraction [pore],,0.399902,0,3,0.399902,,1,0,true"), lines.get(1));
		volume("held-out/large.tif", 24, 30, 0.4);
		final String reason = cancelReason(CompareMicrostructuresCommand.class, Map.of("reference_file", reference
			.toFile(), "generated", dir.resolve("generated").toString(), "held_out_dir", dir.resolve("held-out").toFile()));
		assertTrue(reason.startsWith("held_out_dir: volume " + dir.resolve("held-out/large.tif") + " is 24 x 24 x 24"
			+ " voxels, the generated volumes 16 x 16 x 16"), reason);
	}

	@Test
	void badRequestsNameTheParameter() throws Exception {
		final Path input = volume("rock.tif", 1, 0.25);
		assertTrue(cancelReason(MicrostructureStatisticsCommand.class, Map.of()).contains("input_file"));
		assertTrue(cancelReason(MicrostructureStatisticsCommand.class, Map.of("input_file", input.toFile(), "metrics",
			"porosity")).contains("metrics: 'porosity'"));
		assertTrue(cancelReason(MicrostructureStatisticsCommand.class, Map.of("input_file", input.toFile(), "phases",
			"grain")).contains("phases: 'grain'"));
		assertTrue(cancelReason(CompareMicrostructuresCommand.class, Map.of("reference_file", input.toFile(),
			"generated", dir.resolve("nothing-here").toString())).contains("generated"));
		final Path empty = Files.createFile(Files.createDirectories(dir.resolve("empty-generated")).resolve("e.tif"));
		assertEquals("generated '" + empty.getParent() + "': cannot read TIFF " + empty + ": the file is empty (0 bytes)",
			cancelReason(CompareMicrostructuresCommand.class, Map.of("reference_file", input.toFile(), "generated",
				empty.getParent().toString())));
	}

	private String cancelReason(final Class<? extends Command> command, final Map<String, Object> inputs)
		throws Exception
	{
		final CommandModule module = run(command, inputs);
		assertTrue(module.isCanceled());
		return module.getCancelReason();
	}

	@Test
	void emptyInputFileSaysItIsEmpty() throws Exception {
		final Path empty = Files.createFile(dir.resolve("empty.tif"));
		final CommandModule module = run(MicrostructureStatisticsCommand.class, Map.of("input_file", empty.toFile()));
		assertTrue(module.isCanceled());
		assertEquals("input_file '" + empty + "' could not be read: cannot read TIFF " + empty
			+ ": the file is empty (0 bytes)", module.getCancelReason());
	}
}
