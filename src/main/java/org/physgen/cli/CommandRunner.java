package org.physgen.cli;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

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

	/** Output folders hold files and one level of subfolders (a report's plots). */
	private static final int OUTPUT_DEPTH = 2;

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
		final Map<Path, FileTime> before = new HashMap<>();
		for (final ModuleItem<?> item : CommandCatalog.userInputs(info)) {
			if (inputs.get(item.getName()) instanceof File file && isSaveTarget(item)) {
				before.putAll(files(file.toPath()));
			}
		}
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
		final Set<String> saved = new HashSet<>();
		for (final ModuleItem<?> item : info.outputs()) report(item.getName(), item.getValue(module), saved);
		for (final ModuleItem<?> item : CommandCatalog.userInputs(info)) {
			if (item.getValue(module) instanceof File file && isSaveTarget(item)) {
				files(file.toPath()).forEach((path, time) -> {
					if (!time.equals(before.get(path)) && saved.add(path.toString())) {
						out.printf("saved: %s%n", path);
					}
				});
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

	/**
	 * The files at or below an output location with their modification times, in path order, leaving
	 * out hidden temporary files; compared before and after a run, they tell which files it wrote.
	 */
	private static Map<Path, FileTime> files(final Path location) {
		final Map<Path, FileTime> files = new TreeMap<>();
		if (!Files.exists(location)) return files;
		try (Stream<Path> paths = Files.walk(location.toAbsolutePath(), OUTPUT_DEPTH)) {
			paths.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith("."))
				.forEach(f -> {
					try {
						files.put(f, Files.getLastModifiedTime(f));
					}
					catch (final IOException e) {
						// gone or unreadable between listing and reading: not a file this run wrote
					}
				});
		}
		catch (final IOException | UncheckedIOException e) {
			return files;
		}
		return files;
	}

	private void report(final String name, final Object value, final Set<String> saved) {
		if (value instanceof ImagePlus imp) {
			out.printf("%s: %s (%d x %d x %d)%s%n", name, imp.getTitle(), imp.getWidth(), imp.getHeight(),
				imp.getNSlices(), imp.getNFrames() > 1 ? ", " + imp.getNFrames() + " frames" : "");
		}
		else if (value instanceof Collection<?> items) {
			// one line per item, as SciJava shows each item of a collection output on its own
			for (final Object item : items) report(name, item, saved);
		}
		else if (value instanceof String text) {
			// a list of files, one per line, prints as one "saved: path" line each
			for (final String line : text.split("\n")) {
				if (line.isEmpty()) continue;
				out.printf("%s: %s%n", name, line);
				if (name.equals("saved")) saved.add(line);
			}
		}
		else if (value != null) {
			out.printf("%s: %s%n", name, value);
		}
	}
}
