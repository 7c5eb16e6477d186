package org.physgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.VolumeReader;

class PhysGenCliTest {

	@TempDir
	Path dir;

	private final ByteArrayOutputStream out = new ByteArrayOutputStream();
	private final ByteArrayOutputStream err = new ByteArrayOutputStream();

	private int physgen(final String... args) {
		return new PhysGenCli(new PrintStream(out, true, StandardCharsets.UTF_8),
			new PrintStream(err, true, StandardCharsets.UTF_8)).execute(args);
	}

	private String stderr() {
		return err.toString(StandardCharsets.UTF_8);
	}

	@Test
	void runWritesTheIssueExampleWithExactCount() throws Exception {
		final Path file = dir.resolve("out/grf.tif");
		final int status = physgen("run", "Synthetic Microstructure", "kind='gaussian_field',size=64,"
			+ "fractions='0.2',correlation_length=4.0,seed=7,output_file='" + file + "'");
		assertEquals(0, status, stderr());
		assertArrayEquals(new long[] { 262144 - 52429, 52429 }, VolumeReader.read(file).phaseCounts());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("64 x 64 x 64"));
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("saved: " + file.toAbsolutePath()));
	}

	@Test
	void commandsAreFoundByClassNameToo() {
		assertEquals(0, physgen("run", "SyntheticMicrostructureCommand", "size=8,fractions='0.5'"), stderr());
		assertEquals(0, physgen("run", "org.physgen.fiji.SyntheticMicrostructureCommand", "size=8"), stderr());
	}

	@Test
	void listAndHelpShowParametersWithDefaults() {
		assertEquals(0, physgen("list"));
		final String list = out.toString(StandardCharsets.UTF_8);
		assertTrue(list.contains("Synthetic Microstructure"), list);
		assertTrue(list.contains("correlation_length"), list);
		assertTrue(list.contains("default: '4.0'"), list);
		out.reset();
		assertEquals(0, physgen("help", "synthetic microstructure"));
		final String help = out.toString(StandardCharsets.UTF_8);
		assertTrue(help.contains("choices: gaussian_field, spheres, electrode"), help);
		assertTrue(help.contains("Plugins > PhysGen > Synthetic Microstructure"), help);
	}

	@Test
	void unknownCommandIsAUsageError() {
		assertEquals(2, physgen("run", "Make Foam", "size=8"));
		assertTrue(stderr().contains("unknown command 'Make Foam'"), stderr());
		assertTrue(stderr().contains("Synthetic Microstructure"), stderr());
	}

	@Test
	void unknownParameterIsAUsageError() {
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size=8,porosity=0.2"));
		assertTrue(stderr().contains("unknown parameter 'porosity'"), stderr());
		assertTrue(stderr().contains("fractions"), stderr());
	}

	@Test
	void badValuesAreUsageErrors() {
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size='big'"));
		assertTrue(stderr().contains("size=big"), stderr());
		err.reset();
		assertEquals(2, physgen("run", "Synthetic Microstructure", "kind='foam'"));
		assertTrue(stderr().contains("kind='foam' is not one of gaussian_field, spheres, electrode"), stderr());
		err.reset();
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size=1"));
		assertTrue(stderr().contains("size=1 is below the minimum 2"), stderr());
		err.reset();
		assertEquals(2, physgen("run", "Train DSD Model", "model_file='" + dir.resolve("never.physgen") +
			"',input_file='sample-data/porous-rock-64.tif',augment='maybe'"));
		assertTrue(stderr().contains("augment='maybe' must be true or false"), stderr());
		assertFalse(Files.exists(dir.resolve("never.physgen")));
	}

	@Test
	void unreadableNumbersNameTheParameterNotAVariable() {
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size=8,seed=abc"));
		assertTrue(stderr().contains("seed=abc is not a valid long (a whole number)"), stderr());
		assertFalse(stderr().contains("Unknown variable"), stderr());
		err.reset();
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size=8.5"));
		assertTrue(stderr().contains("size=8.5 is not a valid int (a whole number)"), stderr());
	}

	/** "saved:" lines list each file the run wrote, never a folder, and never a folder given as input. */
	@Test
	void savedLinesListTheFilesWrittenNotTheFolders() throws Exception {
		final Path heldOut = dir.resolve("held-out");
		for (final int seed : new int[] { 2, 3 }) {
			assertEquals(0, physgen("run", "Synthetic Microstructure", "size=16,seed=" + seed + ",output_file='" +
				heldOut.resolve(seed + ".tif") + "'"), stderr());
		}
		final Path generated = dir.resolve("generated.tif");
		assertEquals(0, physgen("run", "Synthetic Microstructure", "size=16,seed=4,output_file='" + generated + "'"),
			stderr());
		out.reset();
		final Path reports = dir.resolve("reports");
		assertEquals(0, physgen("run", "Compare Microstructures", "reference_file='" + generated + "',generated='" +
			generated + "',metrics='fractions',held_out_dir='" + heldOut + "',output_dir='" + reports + "'"),
			stderr());
		final String printed = out.toString(StandardCharsets.UTF_8);
		final java.util.List<String> saved = printed.lines().filter(l -> l.startsWith("saved: ")).map(l -> l
			.substring(7)).toList();
		assertTrue(saved.contains(reports.resolve("report.html").toAbsolutePath().toString()), printed);
		assertTrue(saved.contains(reports.resolve("fidelity.csv").toAbsolutePath().toString()), printed);
		for (final String path : saved) assertTrue(Files.isRegularFile(Path.of(path)), path + " is not a file");
		assertFalse(saved.stream().anyMatch(p -> p.startsWith(heldOut.toAbsolutePath().toString())), printed);
	}

	@Test
	void unquotedWordsAndBareFlags() throws Exception {
		final Path bare = dir.resolve("bare.tif"), keyed = dir.resolve("keyed.tif"), off = dir.resolve("off.tif");
		final String common = "kind=spheres,size=16,mean_radius=3,seed=4,";
		assertEquals(0, physgen("run", "Synthetic Microstructure", common + "periodic,output_file='" + bare + "'"),
			stderr());
		assertEquals(0, physgen("run", "Synthetic Microstructure", common + "periodic=true,output_file='" + keyed
			+ "'"), stderr());
		assertEquals(0, physgen("run", "Synthetic Microstructure", common + "periodic=false,output_file='" + off
			+ "'"), stderr());
		assertArrayEquals(Files.readAllBytes(keyed), Files.readAllBytes(bare), "bare periodic is periodic=true");
		assertFalse(java.util.Arrays.equals(Files.readAllBytes(off), Files.readAllBytes(bare)));
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size,seed=1"));
		assertTrue(stderr().contains("size needs a value: write size=<int>"), stderr());
		assertEquals(2, physgen("run", "Synthetic Microstructure", "size=16,unit=micron-x"));
		assertTrue(stderr().contains("unit: the value is not a number, true/false or one word; put text with " +
			"symbols in quotes: unit='...'"), stderr());
	}

	@Test
	void impossibleFractionsFailWithoutWritingAFile() {
		final Path file = dir.resolve("never.tif");
		assertEquals(1, physgen("run", "Synthetic Microstructure", "size=16,fractions='0.6,0.5',kind='electrode',"
			+ "output_file='" + file + "'"));
		assertTrue(stderr().contains("fractions"), stderr());
		assertFalse(Files.exists(file));
	}

	@Test
	void noArgumentsPrintsUsage() {
		assertEquals(2, physgen());
		assertTrue(out.toString(StandardCharsets.UTF_8).contains("physgen run"));
		assertEquals(2, physgen("dance"));
	}
}
