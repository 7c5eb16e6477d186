package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VolumeReader;
import org.scijava.Context;
import org.scijava.SciJava;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;
import org.scijava.prefs.PrefService;

/**
 * Fiji's own batch route, SciJava's launcher with {@code --headless --run}, gives the declared
 * defaults for the parameters a run leaves out, not the values remembered from an earlier run.
 */
class HeadlessLaunchTest {

	@TempDir
	Path dir;

	@AfterEach
	void forgetPlantedValues() {
		try (Context context = new Context(PrefService.class)) {
			context.service(PrefService.class).clear(SyntheticMicrostructureCommand.class);
		}
	}

	@Test
	void omittedSizesAreTheDeclaredDefaultsDespiteRememberedValues() throws Exception {
		System.setProperty("java.awt.headless", "true");
		try (Context context = new Context(CommandService.class, PrefService.class)) {
			final CommandInfo info = context.service(CommandService.class).getCommand(
				SyntheticMicrostructureCommand.class);
			plant(info.getInput("size_x"), 24);
			plant(info.getInput("size_y"), 40);
			assertEquals(24, info.getInput("size_x").loadValue(), "the remembered value is in place");
		}
		final Path file = dir.resolve("grf.tif");
		new SciJava().launch("--headless", "--run", "Synthetic Microstructure", "size=8,output_file='" + file + "'");
		final LabelVolume volume = VolumeReader.read(file);
		assertEquals(8, volume.sizeX(), "size_x left out: 0, so size");
		assertEquals(8, volume.sizeY());
		assertEquals(8, volume.sizeZ());
		assertEquals(Math.round(0.2 * 512), volume.phaseCounts()[1], "fractions left out: the declared 0.2");
		Files.delete(file);
	}

	@SuppressWarnings("unchecked")
	private static <T> void plant(final ModuleItem<T> item, final Object value) {
		item.saveValue((T) value);
	}
}
