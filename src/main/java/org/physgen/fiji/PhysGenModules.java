package org.physgen.fiji;

import org.scijava.module.Module;

/** Tells PhysGen's own commands from the other modules a SciJava preprocessor sees. */
final class PhysGenModules {

	private static final String PACKAGE = "org.physgen.";

	private PhysGenModules() {}

	static boolean owns(final Module module) {
		final String className = module.getInfo().getDelegateClassName();
		return className != null && className.startsWith(PACKAGE);
	}
}
