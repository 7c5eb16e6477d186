package org.physgen.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * The headless runner's class path (the runtime dependencies) has an SLF4J binding, so libraries'
 * log lines are printed as such instead of an SLF4J "no providers" warning on every run.
 */
class LoggingBindingTest {

	@Test
	void slf4jFindsTheSimpleBinding() {
		assertEquals("org.slf4j.simple.SimpleLoggerFactory", LoggerFactory.getILoggerFactory().getClass()
			.getName());
	}
}
