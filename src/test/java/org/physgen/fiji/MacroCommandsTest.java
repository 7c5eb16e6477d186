package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.scijava.Context;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;

/** ImageJ 1 macros reach the commands through their titles and options, as in Fiji. */
class MacroCommandsTest {

	private static Context context;

	@TempDir
	Path dir;

	@BeforeAll
	static void start() {
		System.setProperty("java.awt.headless", "true");
		context = new Context(CommandService.class, ConvertService.class);
		MacroBridge.install(context, SyntheticMicrostructureCommand.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void macroOptionsReachTheCommandAndTheFileHasExactCounts() throws Exception {
		final Path file = dir.resolve("macro out/electrode.tif");
		MacroBridge.runMacro("""
			// an electrode: 40 percent active material, 15 percent carbon-binder
			run("Synthetic Microstructure", "kind=electrode size=24 fractions=0.40,0.15 seed=3 periodic output_file=[%s]");
			""".formatted(file));
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertEquals(Boolean.TRUE, module.getInput("periodic"), "a ticked checkbox is the bare key");
		assertEquals(3L, module.getInput("seed"));
		final LabelVolume saved = VolumeReader.read(file);
		final long n = 24 * 24 * 24;
		assertArrayEquals(new long[] { n - Math.round(0.4 * n) - Math.round(0.15 * n), Math.round(0.4 * n),
			Math.round(0.15 * n) }, saved.phaseCounts());
	}

	@Test
	void leftOutOptionsTakeTheDeclaredDefaults() throws Exception {
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"size=8\");");
		final CommandModule module = MacroBridge.lastModule();
		assertFalse(module.isCanceled(), module::getCancelReason);
		assertEquals("0.2", module.getInput("fractions"));
		assertEquals(Boolean.FALSE, module.getInput("periodic"));
		assertEquals(1L, module.getInput("seed"));
	}

	@Test
	void refusedInputStopsTheMacroWithTheReason() throws Exception {
		final Path file = dir.resolve("never.tif");
		MacroBridge.runMacro("run(\"Synthetic Microstructure\", \"kind=electrode size=8 fractions=0.7,0.6 output_file=["
			+ file + "]\");");
		final CommandModule module = MacroBridge.lastModule();
		assertTrue(module.isCanceled());
		assertTrue(module.getCancelReason().contains("fractions"), module.getCancelReason());
		assertFalse(Files.exists(file));
	}
}
