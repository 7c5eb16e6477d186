package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import ij.Macro;

/**
 * Every parameter key of every PhysGen command reaches its own parameter through ImageJ's
 * {@link Macro#getValue}, which finds "key=" anywhere not preceded by a letter: "size=" inside
 * "voxel_size=" or "rate=" inside "learning_rate=" would read the other parameter's value.
 */
class CommandKeysTest {

	private static Context context;

	@BeforeAll
	static void start() {
		context = new Context(CommandService.class);
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	private static List<CommandInfo> physgenCommands() {
		return context.service(CommandService.class).getCommands().stream()
			.filter(info -> info.getClassName().startsWith("org.physgen.")).collect(Collectors.toList());
	}

	private static List<String> keys(final CommandInfo info) {
		final List<String> keys = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (DeclaredDefaults.isUserInput(item)) keys.add(item.getName());
		}
		return keys;
	}

	@Test
	void theCatalogHoldsEveryCommand() {
		final Set<String> titles = physgenCommands().stream().map(CommandInfo::getTitle).collect(Collectors.toSet());
		assertTrue(titles.containsAll(Set.of("Synthetic Microstructure", "Generate Volumes", "Train DSD Model",
			"Train PFGM++ Model", "Train local-DSM Model", "Inpaint Region (DSD)", "Import TorchScript Model", "Microstructure Statistics",
			"Compare Microstructures")), titles::toString);
	}

	@Test
	void noKeyEndsAnotherKeyAfterANonLetter() {
		for (final CommandInfo info : physgenCommands()) {
			final List<String> keys = keys(info);
			for (final String key : keys) {
				for (final String other : keys) {
					final int at = other.length() - key.length() - 1;
					assertFalse(!other.equals(key) && other.endsWith(key) && !Character.isLetter(other.charAt(at)),
						info.getTitle() + ": key '" + key + "' occurs inside '" + other + "'");
				}
			}
		}
	}

	@Test
	void macroGetValueReadsEachKeyInAnyOrder() {
		for (final CommandInfo info : physgenCommands()) {
			final List<String> keys = keys(info);
			for (int pass = 0; pass < 2; pass++) {
				final List<String> order = new ArrayList<>(keys);
				if (pass == 1) Collections.reverse(order);
				final String options = order.stream().map(k -> k + "=v" + keys.indexOf(k))
					.collect(Collectors.joining(" ")) + " ";
				for (int i = 0; i < keys.size(); i++) {
					assertEquals("v" + i, Macro.getValue(options, keys.get(i), null), info.getTitle() + ": "
						+ keys.get(i) + " in \"" + options + "\"");
				}
			}
		}
	}

	@Test
	void keysAreLowercaseSnakeCase() {
		for (final CommandInfo info : physgenCommands()) {
			for (final String key : keys(info)) {
				assertTrue(key.matches("[a-z][a-z0-9]*(_[a-z0-9]+)*"), info.getTitle() + ": " + key);
			}
		}
	}
}
