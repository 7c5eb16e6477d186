package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.physgen.nn.DjlRuntime;
import org.physgen.volume.ImagePlusVolumes;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.log.LogService;

/** Every command that puts a network on a device says once which device it chose, and why. */
class DeviceDecisionLogTest {

	private static HeadlessCommands commands;
	private static final List<String> lines = new ArrayList<>();

	@BeforeAll
	static void start() {
		commands = new HeadlessCommands();
		commands.context().service(LogService.class).addLogListener(message -> {
			synchronized (lines) {
				lines.add(message.text());
			}
		});
	}

	@AfterAll
	static void stop() {
		commands.close();
	}

	private static List<String> deviceLines(final Class<? extends Command> command,
		final Object... keyValues) throws Exception
	{
		final Map<String, Object> inputs = new HashMap<>();
		inputs.put("device", "gpu");
		inputs.put("threads", 1);
		inputs.put("tolerance", 1.0);
		inputs.put("model_file", TinyModels.dsd().toFile());
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		synchronized (lines) {
			lines.clear();
		}
		final CommandModule module = commands.run(command, inputs);
		assertFalse(module.isCanceled(), module::getCancelReason);
		synchronized (lines) {
			return lines.stream().filter(line -> line.startsWith("device ")).toList();
		}
	}

	private static String expected() {
		if (DjlRuntime.engine().getGpuCount() > 0) return "device gpu:0: gpu:0";
		return "device gpu:0: no usable GPU (" + (DjlRuntime.library().bundled()
			? "the bundled CPU build of libtorch is loaded; set PHYSGEN_LIBTORCH to a CUDA build, or PHYSGEN_ALLOW_DOWNLOAD=true on Linux x86-64 with an NVIDIA driver"
			: "libtorch sees no CUDA device") + "), running on the CPU";
	}

	@Test
	void generateVolumesLogsTheGpuFallback() throws Exception {
		assertEquals(List.of(expected()), deviceLines(GenerateVolumesCommand.class, "count", 1, "size", 16,
			"seed", 1L));
	}

	@Test
	void inpaintRegionLogsTheGpuFallback() throws Exception {
		assertEquals(List.of(expected()), deviceLines(InpaintRegionCommand.class, "image",
			ImagePlusVolumes.toImagePlus(TinyModels.trainingVolume(), "rock"), "box", "4,2,8,8,8,8", "seed", 3L));
	}
}
