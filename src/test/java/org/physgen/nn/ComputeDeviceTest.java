package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import ai.djl.Device;

class ComputeDeviceTest {

	@Test
	void parsesTheFourForms() {
		assertEquals(ComputeDevice.AUTO, ComputeDevice.parse("auto"));
		assertEquals(ComputeDevice.CPU, ComputeDevice.parse(" CPU "));
		assertEquals(ComputeDevice.gpu(0), ComputeDevice.parse("gpu"));
		assertEquals(ComputeDevice.gpu(2), ComputeDevice.parse("gpu:2"));
		assertEquals("gpu:2", ComputeDevice.parse("gpu:2").toString());
		assertEquals("auto", ComputeDevice.AUTO.toString());
		assertThrows(IllegalArgumentException.class, () -> ComputeDevice.gpu(-1));
	}

	@Test
	void otherValuesAreErrorsNamingDevice() {
		for (final String bad : new String[] { "gpu:x", "gpu:-1", "cuda", "", "gpu:" }) {
			final IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> ComputeDevice.parse(bad));
			assertTrue(e.getMessage().startsWith("device") && e.getMessage().contains("'" + bad +
				"'"), e.getMessage());
		}
		assertThrows(IllegalArgumentException.class, () -> ComputeDevice.parse(null));
	}

	@Test
	void resolvesAgainstTheAvailableGpusAndLogsEachDecisionOnce() {
		final List<String> lines = new ArrayList<>();
		assertEquals(Device.gpu(1), ComputeDevice.parse("gpu:1").resolve(2, lines::add));
		assertEquals(Device.gpu(0), ComputeDevice.parse("auto").resolve(1, lines::add));
		assertEquals(Device.cpu(), ComputeDevice.parse("cpu").resolve(1, lines::add));
		assertEquals(Device.cpu(), ComputeDevice.parse("auto").resolve(0, lines::add));
		assertEquals(Device.cpu(), ComputeDevice.parse("gpu:3").resolve(2, lines::add));
		assertEquals(List.of("device gpu:1: gpu:1", "device auto: gpu:0 (1 GPU(s) usable)", "device cpu: cpu",
			"device auto: cpu (no usable GPU)",
			"device gpu:3: only 2 GPU(s) (gpu:0 to gpu:1), running on the CPU"), lines);
	}

	@Test
	void gpuFallsBackToTheCpuWithAWarningWhenTheEngineHasNoGpu() {
		final int gpus = DjlRuntime.engine().getGpuCount();
		final List<String> warnings = new ArrayList<>();
		final Device device = ComputeDevice.parse("gpu").resolve(warnings::add);
		if (gpus == 0) {
			assertEquals(Device.cpu(), device);
			assertEquals(1, warnings.size());
			assertTrue(warnings.get(0).startsWith("device gpu:0: no usable GPU"), warnings.get(0));
			if (DjlRuntime.library().bundled()) {
				assertTrue(warnings.get(0).contains("bundled CPU build") && warnings.get(0).contains(
					TorchLibrary.ENVIRONMENT), warnings.get(0));
			}
		}
		else {
			assertEquals(Device.gpu(0), device);
			assertEquals(List.of("device gpu:0: gpu:0"), warnings);
		}
	}
}
