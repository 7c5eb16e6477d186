package org.physgen.cli;

import java.io.File;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;

import org.physgen.fiji.DeclaredDefaults;
import org.physgen.fiji.ParameterValues;
import org.scijava.Context;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;

/** Checks the options against a command's parameters, runs it and reports its outputs. */
final class CommandRunner {

	private final Context context;
	private final ConvertService convert;
	private final PrintStream out;
	private final PrintStream err;

	CommandRunner(final Context context, final PrintStream out, final PrintStream err) {
		this.context = context;
		this.convert = context.service(ConvertService.class);
		this.out = out;
		this.err = err;
	}

	int run(final CommandInfo info, final Map<String, Object> options) {
		final Map<String, Object> inputs = checkedInputs(info, options);
		final long start = System.nanoTime();
		final Module module;
		try {
			module = context.service(CommandService.class).run(info, true, inputs).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			err.println("physgen: interrupted");
			return PhysGenCli.FAILED;
		}
		catch (final ExecutionException e) {
			final Throwable cause = e.getCause() == null ? e : e.getCause();
			err.println("physgen: " + info.getTitle() + " failed: " + cause);
			return PhysGenCli.FAILED;
		}
		if (module == null) {
			err.println("physgen: " + info.getTitle() + " did not run");
			return PhysGenCli.FAILED;
		}
		if (module instanceof CommandModule command && command.isCanceled()) {
			err.println("physgen: " + info.getTitle() + ": " + command.getCancelReason());
			return PhysGenCli.FAILED;
		}
		for (final ModuleItem<?> item : info.outputs()) report(item.getName(), item.getValue(module));
		for (final ModuleItem<?> item : CommandCatalog.userInputs(info)) {
			if (item.getValue(module) instanceof File file && isSaveTarget(item) && file.exists()) {
				out.printf("saved: %s%n", file.getAbsolutePath());
			}
		}
		out.printf("%s finished in %.1f s%n", info.getTitle(), (System.nanoTime() - start) / 1e9);
		return PhysGenCli.OK;
	}

	private Map<String, Object> checkedInputs(final CommandInfo info, final Map<String, Object> options) {
		final List<ModuleItem<?>> items = CommandCatalog.userInputs(info);
		final Map<String, ModuleItem<?>> byName = new HashMap<>();
		for (final ModuleItem<?> item : items) byName.put(item.getName(), item);
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final Map.Entry<String, Object> option : options.entrySet()) {
			final ModuleItem<?> item = byName.get(option.getKey());
			if (item == null) {
				throw new UsageException("unknown parameter '" + option.getKey() + "' for " + info.getTitle()
					+ "; parameters: " + items.stream().map(ModuleItem::getName).collect(Collectors.joining(", ")));
			}
			inputs.put(item.getName(), converted(item, option.getValue()));
		}
		final Map<String, Object> complete = DeclaredDefaults.complete(info, inputs);
		for (final ModuleItem<?> item : items) {
			if (item.isRequired() && complete.get(item.getName()) == null) {
				throw new UsageException("missing parameter '" + item.getName() + "' for " + info.getTitle());
			}
		}
		return complete;
	}

	private Object converted(final ModuleItem<?> item, final Object value) {
		final Class<?> type = item.getType();
		if (value instanceof OptionParser.BareWord) {
			if (ParameterValues.isBoolean(type)) return true;
			throw new UsageException(item.getName() + " needs a value: write " + item.getName() + "=<"
				+ type.getSimpleName() + ">");
		}
		final Object result;
		try {
			result = File.class.equals(type) ? new File(String.valueOf(value))
				: ParameterValues.isBoolean(type) ? ParameterValues.bool(item.getName(), value)
				: ParameterValues.isNumeric(type) ? ParameterValues.number(item.getName(), value, type)
				: convert.supports(value, type) ? convert.convert(value, type) : null;
		}
		catch (final IllegalArgumentException e) {
			throw new UsageException(e.getMessage());
		}
		if (result == null) {
			throw new UsageException(item.getName() + "=" + value + " is not a valid "
				+ type.getSimpleName());
		}
		final List<?> choices = item.getChoices();
		if (choices != null && !choices.isEmpty() && !choices.contains(result)) {
			throw new UsageException(item.getName() + "='" + value + "' is not one of "
				+ choices.stream().map(String::valueOf).collect(Collectors.joining(", ")));
		}
		checkRange(item, result);
		return result;
	}

	private static void checkRange(final ModuleItem<?> item, final Object value) {
		if (!(value instanceof Number number)) return;
		final Object min = item.getMinimumValue(), max = item.getMaximumValue();
		if (min instanceof Number m && number.doubleValue() < m.doubleValue()) {
			throw new UsageException(item.getName() + "=" + value + " is below the minimum " + min);
		}
		if (max instanceof Number m && number.doubleValue() > m.doubleValue()) {
			throw new UsageException(item.getName() + "=" + value + " is above the maximum " + max);
		}
	}

	private static boolean isSaveTarget(final ModuleItem<?> item) {
		final String style = item.getWidgetStyle();
		return style != null && (style.contains("save") || style.contains("directory"));
	}

	private void report(final String name, final Object value) {
		if (value instanceof ImagePlus imp) {
			out.printf("%s: %s (%d x %d x %d)%n", name, imp.getTitle(), imp.getWidth(), imp.getHeight(),
				imp.getNSlices());
		}
		else if (value instanceof String text) {
			// a list of files, one per line, prints as one "saved: path" line each
			for (final String line : text.split("\n")) {
				if (!line.isEmpty()) out.printf("%s: %s%n", name, line);
			}
		}
		else if (value != null) {
			out.printf("%s: %s%n", name, value);
		}
	}
}
