package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.nn.TorchScriptArchive;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.scijava.command.CommandModule;

/** A TorchScript file becomes a model that Generate Volumes runs with exact counts. */
class ImportTorchScriptModelCommandTest {

	private static HeadlessCommands commands;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		commands = new HeadlessCommands();
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	@Test
	void importedDsdNetworkGeneratesExactCounts() throws Exception {
		final Path pt = dir.resolve("exported.pt");
		new TorchScriptArchive(List.of("x", "t"), "_0 = torch.repeat(x, [1, 6, 1, 1, 1])",
			"return torch.mul(_0, 0.0)").write(pt);
		final File model = dir.resolve("imported.physgen").toFile();
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("torchscript_file", pt.toFile());
		inputs.put("input_file", new File("sample-data/porous-rock-64.tif"));
		inputs.put("model_file", model);
		inputs.put("crop_size", 16);
		final CommandModule imported = commands.run(ImportTorchScriptModelCommand.class, inputs);
		assertFalse(imported.isCanceled(), imported::getCancelReason);
		assertTrue(((String) imported.getOutput("summary")).startsWith("DSD model"));

		final Map<String, Object> generate = new HashMap<>();
		generate.put("model_file", model);
		generate.put("size", 8);
		generate.put("fractions", "0.25");
		generate.put("tolerance", 1.0);
		generate.put("threads", 1);
		generate.put("output_dir", dir.toFile());
		final CommandModule generated = commands.run(GenerateVolumesCommand.class, generate);
		assertFalse(generated.isCanceled(), generated::getCancelReason);
		final LabelVolume volume = VolumeReader.read(dir.resolve("imported-1-1.tif"));
		assertArrayEquals(new long[] { 384, 128 }, volume.phaseCounts());
	}

	@Test
	void aFileThatIsNotTorchScriptIsRefusedAndNothingIsWritten() throws Exception {
		final Path pt = dir.resolve("notes.pt");
		Files.writeString(pt, "not a network");
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("torchscript_file", pt.toFile());
		inputs.put("input_file", new File("sample-data/porous-rock-64.tif"));
		inputs.put("model_file", dir.resolve("bad.physgen").toFile());
		inputs.put("crop_size", 16);
		final CommandModule module = commands.run(ImportTorchScriptModelCommand.class, inputs);
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("notes.pt"), module.getCancelReason());
		assertFalse(Files.exists(dir.resolve("bad.physgen")));
	}
}
