package org.physgen.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import org.physgen.fiji.DeclaredDefaults;
import org.scijava.command.CommandInfo;
import org.scijava.options.OptionsPlugin;
import org.scijava.plugin.Plugin;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

/** PhysGen's commands (not its options), found by title or class name, and their parameters described for people. */
final class CommandCatalog {

	private static final String PACKAGE = "org.physgen.";

	private final List<CommandInfo> commands;

	CommandCatalog(final CommandService commandService) {
		commands = commandService.getCommands().stream()
			.filter(info -> info.getClassName().startsWith(PACKAGE) && !isOptions(info))
			.sorted(Comparator.comparing(CommandInfo::getTitle))
			.collect(Collectors.toList());
	}

	/** Options plugins are commands to SciJava, but set preferences rather than do work. */
	private static boolean isOptions(final CommandInfo info) {
		final Plugin plugin = info.getAnnotation();
		return plugin != null && OptionsPlugin.class.isAssignableFrom(plugin.type());
	}

	CommandInfo find(final String name) {
		for (final CommandInfo info : commands) {
			final String className = info.getClassName();
			if (info.getTitle().equalsIgnoreCase(name.trim()) || className.equals(name)
				|| className.substring(className.lastIndexOf('.') + 1).equals(name))
			{
				return info;
			}
		}
		throw new UsageException("unknown command '" + name + "'; known commands: "
			+ commands.stream().map(CommandInfo::getTitle).collect(Collectors.joining(", ")));
	}

	String describeAll() {
		final StringBuilder sb = new StringBuilder();
		for (final CommandInfo info : commands) sb.append(describe(info)).append(System.lineSeparator());
		return sb.toString();
	}

	String describe(final CommandInfo info) {
		final StringBuilder sb = new StringBuilder();
		final String nl = System.lineSeparator();
		sb.append(info.getTitle()).append("  (").append(info.getClassName()).append(')').append(nl);
		if (info.getMenuPath() != null && !info.getMenuPath().isEmpty()) {
			sb.append("  menu: ").append(info.getMenuPath().getMenuString()).append(nl);
		}
		final Map<String, Object> defaults = DeclaredDefaults.complete(info, Map.of());
		for (final ModuleItem<?> item : userInputs(info)) {
			sb.append(String.format(Locale.ROOT, "  %-20s %-8s default: %s", item.getName(),
				item.getType().getSimpleName(), text(defaults.get(item.getName()))));
			if (item.getChoices() != null && !item.getChoices().isEmpty()) {
				sb.append("  choices: ").append(item.getChoices().stream().map(String::valueOf)
					.collect(Collectors.joining(", ")));
			}
			sb.append(nl);
			final String help = item.getDescription();
			if (help != null && !help.isEmpty()) sb.append("      ").append(help).append(nl);
		}
		for (final ModuleItem<?> item : info.outputs()) {
			sb.append(String.format(Locale.ROOT, "  -> %-17s %s (output)", item.getName(),
				item.getType().getSimpleName())).append(nl);
		}
		return sb.toString();
	}

	static List<ModuleItem<?>> userInputs(final CommandInfo info) {
		final List<ModuleItem<?>> items = new ArrayList<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (DeclaredDefaults.isUserInput(item)) items.add(item);
		}
		return items;
	}

	private static String text(final Object value) {
		if (value == null) return "(none)";
		if (value instanceof String s) return "'" + s + "'";
		return String.valueOf(value);
	}
}
