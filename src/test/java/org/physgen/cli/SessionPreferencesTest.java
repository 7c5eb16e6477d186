package org.physgen.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionPreferencesTest {

	@TempDir
	Path dir;

	@Test
	void valuesLiveInMemoryAndNodesCanBeRemoved() throws Exception {
		final Preferences root = new SessionPreferences().userRoot();
		final Preferences node = root.node("org/physgen/test");
		node.put("size_x", "24");
		assertEquals("24", node.get("size_x", null));
		assertArrayEquals(new String[] { "size_x" }, node.keys());
		assertTrue(root.nodeExists("org/physgen/test"));
		node.removeNode();
		assertFalse(root.nodeExists("org/physgen/test"));
		assertNull(root.node("org/physgen/test").get("size_x", null), "a new node starts empty");
	}

	@Test
	void theRunnerPrintsNoPreferenceWarningsWhereHomeCannotHoldThem() throws Exception {
		final Path volume = dir.resolve("v.tif");
		final Process process = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java")
			.toString(), "-Duser.home=/proc/physgen-no-home", "-cp", System.getProperty("java.class.path"),
			PhysGenCli.class.getName(), "run", "Synthetic Microstructure", "size=8,output_file='" + volume + "'")
			.redirectErrorStream(true).start();
		final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertTrue(process.waitFor(2, TimeUnit.MINUTES));
		assertEquals(0, process.exitValue(), output);
		assertFalse(output.toLowerCase(java.util.Locale.ROOT).contains("prefs"), output);
		assertTrue(new File(volume.toString()).isFile(), output);
	}
}
