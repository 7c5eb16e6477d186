package org.physgen.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.physgen.ldsm.SamplerKind;
import org.physgen.ldsm.TimeSampling;

import com.google.gson.JsonObject;

/** The ldsm section of model.json: a round trip, and refusals that name the field. */
class LocalDsmProcessTest {

	@Test
	void theSectionRoundTrips() {
		for (final SamplerKind kind : SamplerKind.values()) {
			final LocalDsmProcess process = LocalDsmProcess.defaults(kind);
			assertEquals(process, LocalDsmProcess.fromJson(process.toJson()));
		}
		assertEquals(200, LocalDsmProcess.defaults(SamplerKind.SDE).steps());
		assertEquals(0.02, LocalDsmProcess.defaults(SamplerKind.ODE).tMin(), 0);
		final LocalDsmProcess wide = LocalDsmProcess.defaults(SamplerKind.ODE, 0.04, TimeSampling.UNIFORM);
		assertEquals(0.04, wide.delta(), 0);
		assertEquals(0.08, wide.tMin(), 1e-15);
		assertEquals(wide, LocalDsmProcess.fromJson(wide.toJson()));
		assertEquals("delta must be in (0, 0.1], got 0.2", assertThrows(IllegalArgumentException.class,
			() -> LocalDsmProcess.defaults(SamplerKind.ODE, 0.2, TimeSampling.LOG_UNIFORM)).getMessage());
	}

	@Test
	void badValuesAreNamed() {
		final JsonObject json = LocalDsmProcess.defaults(SamplerKind.ODE).toJson();
		json.addProperty("forward_step", 0.05);
		assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalDsmProcess.fromJson(json)).getMessage()
			.startsWith("forward_step"));
		json.remove("forward_step");
		assertEquals("'forward_step' is missing", assertThrows(IllegalArgumentException.class,
			() -> LocalDsmProcess.fromJson(json)).getMessage());
		final JsonObject sampler = LocalDsmProcess.defaults(SamplerKind.ODE).toJson();
		sampler.addProperty("sampler", "euler");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> LocalDsmProcess.fromJson(sampler)).getMessage()
			.startsWith("sampler"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> new LocalDsmProcess(2, 8, 0.01, 0.005, 0.01, 2,
			25, SamplerKind.ODE, TimeSampling.LOG_UNIFORM, true)).getMessage().startsWith("t_min"));
	}
}
