package org.physgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;

/** The commands in sample-data/README.md regenerate the committed sample volumes exactly. */
class SampleDataTest {

	private static final Pattern RUN = Pattern.compile(
		"scripts/physgen run \"([^\"]+)\" \"([^\"]*output_file='(sample-data/[^']+)')\"");

	@TempDir
	Path dir;

	@Test
	void readmeCommandsReproduceTheSampleVolumes() throws Exception {
		final String readme = Files.readString(Path.of("sample-data", "README.md"));
		final Matcher m = RUN.matcher(readme);
		int checked = 0;
		while (m.find()) {
			final Path committed = Path.of(m.group(3));
			final Path regenerated = dir.resolve(committed.getFileName());
			final String options = m.group(2).replace(m.group(3), regenerated.toString());
			final ByteArrayOutputStream err = new ByteArrayOutputStream();
			final int status = new PhysGenCli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
				new PrintStream(err, true, StandardCharsets.UTF_8)).execute(new String[] { "run", m.group(1), options });
			assertEquals(0, status, err.toString(StandardCharsets.UTF_8));
			final LabelVolume expected = VolumeReader.read(committed);
			final LabelVolume actual = VolumeReader.read(regenerated);
			assertEquals(expected.phases(), actual.phases(), committed.toString());
			assertArrayEquals(expected.phaseCounts(), actual.phaseCounts(), committed.toString());
			assertTrue(Arrays.deepEquals(expected.slices(), actual.slices()), committed + " differs from its README command");
			checked++;
		}
		assertEquals(2, checked, "sample-data/README.md should list a command for each sample volume");
	}
}
