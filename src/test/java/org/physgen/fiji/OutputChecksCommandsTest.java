package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.TiffVolumeWriter;
import org.physgen.volume.VolumeReader;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;

/**
 * Every command checks its outputs before it works: locations that cannot be written are refused
 * with the system's reason, no output may be an input, and only files PhysGen wrote are replaced.
 */
class OutputChecksCommandsTest {

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

	private static CommandModule run(final Class<? extends Command> command, final Object... keyValues)
		throws Exception
	{
		return commands.run(command, keyValues);
	}

	private static String refusal(final CommandModule module) {
		return HeadlessCommands.refusal(module);
	}

	private static CommandModule generate(final Path outputDir) throws Exception {
		return run(GenerateVolumesCommand.class, "model_file", TinyModels.dsd().toFile(), "count", 2, "size", 8,
			"tolerance", 1.0, "seed", 5L, "device", "cpu", "threads", 1, "output_dir", outputDir.toFile());
	}

	private static CommandModule train(final File input, final File model) throws Exception {
		return run(TrainDsdModelCommand.class, "input_file", input, "model_file", model, "crop_size", 8, "steps", 1L,
			"batch", 1, "channels", 4, "device", "cpu", "threads", 1);
	}

	private Path trainingFile() throws Exception {
		final Path file = dir.resolve("rock.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), file);
		return file;
	}

	@Test
	void twoGenerateRunsWithTheSameSeedIntoOneFolderKeepEachRunsFiles() throws Exception {
		final CommandModule first = generate(dir);
		final CommandModule second = generate(dir);
		assertFalse(first.isCanceled(), first::getCancelReason);
		assertFalse(second.isCanceled(), second::getCancelReason);
		final List<String> firstFiles = ((String) first.getOutput("saved")).lines().toList();
		final List<String> secondFiles = ((String) second.getOutput("saved")).lines().toList();
		assertEquals(List.of(dir.resolve("tiny-dsd-5-1.tif").toString(), dir.resolve("tiny-dsd-5-2.tif")
			.toString()), firstFiles);
		assertEquals(List.of(dir.resolve("tiny-dsd-5-1_2.tif").toString(), dir.resolve("tiny-dsd-5-2_2.tif")
			.toString()), secondFiles);
		final Set<String> all = new HashSet<>(firstFiles);
		all.addAll(secondFiles);
		assertEquals(4, all.size());
		for (final String file : all) {
			final LabelVolume volume = VolumeReader.read(Path.of(file));
			assertArrayEquals(new long[] { 8, 8, 8 }, new long[] { volume.sizeX(), volume.sizeY(), volume.sizeZ() },
				file);
		}
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(4, files.count(), "four volumes and no temporary file");
		}
	}

	@Test
	void generateRefusesAnOutputFolderThatIsAFile() throws Exception {
		final Path file = Files.writeString(dir.resolve("results"), "notes");
		assertEquals("output_dir '" + file + "' is a file, not a folder", refusal(generate(file)));
		assertEquals("notes", Files.readString(file));
	}

	@Test
	void generateRefusesAPseudoFileSystemWithTheSystemsReason() throws Exception {
		assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
		assertEquals("output_dir '/proc/physgen-out': the folder cannot be created: no such file or folder",
			refusal(generate(Path.of("/proc/physgen-out"))));
	}

	@Test
	void trainingRefusesAModelFileThatIsTheInputFile() throws Exception {
		final Path input = trainingFile();
		final byte[] before = Files.readAllBytes(input);
		assertEquals("model_file '" + input + "' is the input_file; writing it would destroy the input: choose"
			+ " another model_file", refusal(train(input.toFile(), input.toFile())));
		assertArrayEquals(before, Files.readAllBytes(input), "the input is untouched");
	}

	@Test
	void trainingRefusesToReplaceAFileThatIsNoModel() throws Exception {
		final Path input = trainingFile();
		final Path notes = Files.writeString(dir.resolve("notes.physgen"), "my notes");
		assertEquals("model_file: '" + notes + "' exists and is not a PhysGen model; PhysGen replaces only files it"
			+ " wrote: choose another name, or move that file away", refusal(train(input.toFile(), notes.toFile())));
		assertEquals("my notes", Files.readString(notes));
	}

	@Test
	void trainingRefusesToReplaceALossCurveThatIsNoImage() throws Exception {
		final Path input = trainingFile();
		final Path curve = Files.writeString(dir.resolve("rock-loss.png"), "my notes");
		assertTrue(refusal(train(input.toFile(), dir.resolve("rock.physgen").toFile())).startsWith(
			"model_file's loss curve: '" + curve + "' exists and is not a PNG image"));
		assertFalse(Files.exists(dir.resolve("rock.physgen")));
	}

	@Test
	void trainingRefusesAModelFileThatCannotBeWritten() throws Exception {
		assumeTrue(Files.isDirectory(Path.of("/proc/self")), "no /proc on this system");
		final Path input = trainingFile();
		assertEquals("model_file '/proc/self/rock.physgen' cannot be written: no such file or folder",
			refusal(train(input.toFile(), new File("/proc/self/rock.physgen"))));
	}

	@Test
	void importRefusesAModelFileThatIsTheTorchScriptFile() throws Exception {
		final Path torchScript = Files.writeString(dir.resolve("net.pt"), "not really TorchScript");
		final String reason = refusal(run(ImportTorchScriptModelCommand.class, "torchscript_file", torchScript
			.toFile(), "input_file", trainingFile().toFile(), "model_file", torchScript.toFile()));
		assertEquals("model_file '" + torchScript + "' is the torchscript_file; writing it would destroy the input:"
			+ " choose another model_file", reason);
	}

	@Test
	void syntheticRefusesToReplaceAVolumePhysGenDidNotWrite() throws Exception {
		final Path scan = Files.write(dir.resolve("scan.tif"), new byte[] { 'I', 'I', 42, 0, 8, 0, 0, 0 });
		assertTrue(refusal(run(SyntheticMicrostructureCommand.class, "output_file", scan.toFile())).startsWith(
			"output_file: '" + scan + "' exists and is not a volume written by PhysGen"));
		assertEquals(8, Files.size(scan));
		assertEquals("output_file '" + dir + "' is a folder, not a file", refusal(run(
			SyntheticMicrostructureCommand.class, "output_file", dir.toFile())));
	}

	@Test
	void inpaintRefusesAnOutputFileThatIsTheMask() throws Exception {
		final Path input = trainingFile();
		final Path mask = dir.resolve("mask.tif");
		TiffVolumeWriter.write(TinyModels.trainingVolume(), mask);
		assertEquals("output_file '" + mask + "' is the mask_file; writing it would destroy the input: choose"
			+ " another output_file", refusal(run(InpaintRegionCommand.class, "input_file", input.toFile(),
				"model_file", TinyModels.dsd().toFile(), "mask_file", mask.toFile(), "output_file", mask.toFile())));
	}

	@Test
	void statisticsRefuseToReplaceReportFilesPhysGenDidNotWrite() throws Exception {
		final Path input = trainingFile();
		final Path report = Files.createDirectory(dir.resolve("report"));
		final Path table = Files.writeString(report.resolve("scalars.csv"), "sample,porosity\nA,0.3\n");
		assertTrue(refusal(run(MicrostructureStatisticsCommand.class, "input_file", input.toFile(), "output_dir",
			report.toFile())).startsWith("output_dir: '" + table + "' exists and is not a report file written by"
				+ " PhysGen"));
		assertEquals("sample,porosity\nA,0.3\n", Files.readString(table));
	}

	@Test
	void scriptsCannotTrainOverAFileThatIsNoModel() throws Exception {
		final Path notes = Files.writeString(dir.resolve("notes.physgen"), "my notes");
		try (org.scijava.Context context = new org.scijava.Context(PhysGenService.class)) {
			final PhysGenService physgen = context.service(PhysGenService.class);
			final IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
				() -> physgen.train(TinyModels.trainingVolume(), TinyModels.tiny(physgen.dsdConfig(notes.toString()))));
			assertTrue(refused.getMessage().startsWith("model file: '" + notes + "' exists and is not a PhysGen"
				+ " model"), refused.getMessage());
		}
		assertEquals("my notes", Files.readString(notes));
	}
}
