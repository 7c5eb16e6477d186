package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VoxelSize;
import org.physgen.volume.synth.SyntheticKind;
import org.physgen.volume.synth.SyntheticMicrostructures;
import org.physgen.volume.synth.SyntheticSpec;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

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
		final LabelVolume v = SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, 24, 24,
			24, new double[] { fraction }, 2.5, 3, false, seed, VoxelSize.DEFAULT));
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
		assertEquals("voxel count [pore],voxels,3456,,,0,", rows.get(1));
		assertTrue(rows.stream().anyMatch(r -> r.startsWith("Euler characteristic chi6 [pore],")));
		assertTrue(rows.stream().noneMatch(r -> r.contains("[solid]")), "only the chosen phase");
		final JsonObject json = JsonParser.parseString(Files.readString(out.resolve("statistics.json"))).getAsJsonObject();
		assertTrue(json.getAsJsonObject("definitions").has("two-point correlation S2"));
		assertTrue(Files.exists(out.resolve("plots/two-point-correlation-s2-pore-radial.png")));
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
