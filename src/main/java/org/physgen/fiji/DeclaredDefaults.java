package org.physgen.fiji;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.module.Module;
import org.scijava.module.ModuleException;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

/**
 * Completes the inputs of a scripted or headless run with the command's declared defaults. SciJava
 * otherwise fills every input the caller left out with the value remembered from the last dialog,
 * so a batch job would silently depend on whatever someone last typed in Fiji.
 */
public final class DeclaredDefaults {

	private DeclaredDefaults() {}

	/** The given inputs plus the declared default of every other user-settable input. */
	public static Map<String, Object> complete(final CommandInfo info, final Map<String, Object> inputs) {
		final Module fresh = instantiate(info);
		final Map<String, Object> all = new LinkedHashMap<>(inputs);
		for (final ModuleItem<?> item : info.inputs()) {
			if (isUserInput(item) && !all.containsKey(item.getName())) {
				all.put(item.getName(), item.getValue(fresh));
			}
		}
		return all;
	}

	/** The value a command declares for an input when nobody sets it. */
	public static Object of(final CommandInfo info, final ModuleItem<?> item) {
		return item.getValue(instantiate(info));
	}

	/** Inputs a user sets: parameters that are neither services nor the context. */
	public static boolean isUserInput(final ModuleItem<?> item) {
		return !Service.class.isAssignableFrom(item.getType()) && !Context.class.isAssignableFrom(item.getType());
	}

	private static Module instantiate(final CommandInfo info) {
		try {
			return info.createModule();
		}
		catch (final ModuleException e) {
			throw new IllegalStateException("cannot create command " + info.getTitle() + ": " + e.getMessage(), e);
		}
	}
}
