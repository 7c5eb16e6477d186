package org.physgen.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A terminal's Ctrl-C (or a batch system's SIGTERM) during training leaves a checkpoint, the loss
 * curve and a line that says where they are and how to continue.
 */
class InterruptedTrainingTest {

	@TempDir
	Path dir;

	@Test
	void terminatedTrainingWritesTheCheckpointAndTheLossCurveAndSaysHowToResume() throws Exception {
		final Path model = dir.resolve("rock.physgen");
		final Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"),
			PhysGenCli.class.getName(), "run", "Train DSD Model", "input_file='" + new File(
				"sample-data/porous-rock-64.tif").getAbsolutePath() + "',model_file='" + model +
				"',crop_size=16,channels=8,batch=1,steps=100000,threads=1,device='cpu'")
			.redirectErrorStream(true).start();
		final StringBuilder output = new StringBuilder();
		try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
			StandardCharsets.UTF_8)))
		{
			String line;
			boolean signalled = false;
			while ((line = lines.readLine()) != null) {
				output.append(line).append('\n');
				if (!signalled && line.contains("step 1/100000")) {
					process.toHandle().destroy();
					signalled = true;
				}
			}
		}
		finally {
			if (!process.waitFor(2, TimeUnit.MINUTES)) process.destroyForcibly();
		}
		final String log = output.toString();
		assertTrue(log.contains("; checkpoint written to " + model) && log.contains("resume=true"), log);
		assertTrue(Files.size(model) > 0, "checkpoint");
		final Path curve = dir.resolve("rock-loss.png");
		assertTrue(Files.exists(curve), "loss curve missing; output:\n" + log);
		final byte[] png = Files.readAllBytes(curve);
		assertTrue(png.length > 8 && png[1] == 'P' && png[2] == 'N' && png[3] == 'G', "not a PNG");
		try (var files = Files.list(dir)) {
			assertTrue(files.map(p -> p.getFileName().toString()).allMatch(List.of("rock.physgen",
				"rock-loss.png")::contains), "stray files left");
		}
	}
}
