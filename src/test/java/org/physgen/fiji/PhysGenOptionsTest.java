package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.physgen.nn.DjlRuntime;
import org.scijava.Context;
import org.scijava.options.OptionsService;
import org.scijava.prefs.PrefService;

class PhysGenOptionsTest {

	@AfterEach
	void forget() {
		try (Context context = new Context(OptionsService.class, PrefService.class)) {
			final PhysGenOptions options = context.service(OptionsService.class).getOptions(PhysGenOptions.class);
			options.reset();
		}
		DjlRuntime.setOptionsLibtorch(null);
		DjlRuntime.setOptionsAllowDownload(false);
	}

	/** The saved folder reaches the runtime in the next session, through the service's start. */
	@Test
	void theSavedLibtorchFolderIsHandedToTheRuntimeWhenPhysGenStarts() {
		final File folder = new File(System.getProperty("java.io.tmpdir"), "libtorch-of-the-options-test")
			.getAbsoluteFile();
		try (Context context = new Context(OptionsService.class, PrefService.class)) {
			final PhysGenOptions options = context.service(OptionsService.class).getOptions(PhysGenOptions.class);
			options.setLibtorchFolder(folder);
			options.save();
		}
		DjlRuntime.setOptionsLibtorch(null);
		try (Context context = new Context(OptionsService.class, PrefService.class, PhysGenService.class)) {
			assertEquals(folder.getPath(), DjlRuntime.optionsLibtorch());
		}
	}

	@Test
	void withoutAFolderTheRuntimeGetsNoneAndNoDownload() {
		DjlRuntime.setOptionsAllowDownload(true);
		try (Context context = new Context(OptionsService.class, PrefService.class, PhysGenService.class)) {
			assertNull(DjlRuntime.optionsLibtorch());
			assertFalse(DjlRuntime.optionsAllowDownload(), "the checkbox is off by default");
		}
	}

	/** The saved checkbox reaches the runtime in the next session, as the folder does. */
	@Test
	void theSavedDownloadCheckboxIsHandedToTheRuntimeWhenPhysGenStarts() {
		try (Context context = new Context(OptionsService.class, PrefService.class)) {
			final PhysGenOptions options = context.service(OptionsService.class).getOptions(PhysGenOptions.class);
			assertFalse(options.allowDownload());
			options.setAllowDownload(true);
			options.save();
		}
		DjlRuntime.setOptionsAllowDownload(false);
		try (Context context = new Context(OptionsService.class, PrefService.class, PhysGenService.class)) {
			assertTrue(DjlRuntime.optionsAllowDownload());
		}
	}
}
