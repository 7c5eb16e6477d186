package org.physgen.fiji;

import java.io.File;
import java.lang.reflect.Field;
import java.util.Hashtable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.ModuleItem;

import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

/**
 * What Fiji's legacy layer does for a SciJava command called from an ImageJ 1 macro: the command's
 * title is in ImageJ 1's command table, and running it reads each declared input from the macro
 * options with {@link Macro#getValue} (which lowercases the key), converts it to the parameter's
 * type, fills the rest with the declared defaults and runs the command through the
 * {@link CommandService}. The output image becomes the macro's current image.
 */
public final class MacroBridge implements PlugIn {

	private static Context context;
	private static CommandModule lastModule;
	private static Throwable lastFailure;

	/** Makes {@code run("<title>", "...")} in macros reach the given commands through the context. */
	@SafeVarargs
	static void install(final Context scijava, final Class<? extends Command>... commands) {
		context = scijava;
		final CommandService service = scijava.service(CommandService.class);
		if (Menus.getCommands() == null) createCommandTable();
		for (final Class<? extends Command> command : commands) {
			final CommandInfo info = service.getCommand(command);
			@SuppressWarnings("unchecked")
			final Hashtable<String, String> table = Menus.getCommands();
			table.put(info.getTitle(), MacroBridge.class.getName() + "(\"" + command.getName() + "\")");
		}
	}

	/**
	 * Headless ImageJ 1 builds no menus and so has no command table; Fiji's legacy layer provides
	 * one, and so does this.
	 */
	private static void createCommandTable() {
		try {
			final Field table = Menus.class.getDeclaredField("pluginsTable");
			table.setAccessible(true);
			table.set(null, new Hashtable<String, String>());
		}
		catch (final ReflectiveOperationException e) {
			throw new IllegalStateException("cannot create ImageJ 1's command table", e);
		}
	}

	/** Runs macro text in ImageJ 1's interpreter, as Fiji does for a macro file or the script editor. */
	static void runMacro(final String macro) {
		runMacro(macro, null);
	}

	/** Runs macro text whose getArgument() returns the given argument. */
	static void runMacro(final String macro, final String argument) {
		lastModule = null;
		lastFailure = null;
		new Interpreter().run(macro, argument);
	}

	/** The module the last {@code run(...)} of a bridged command produced. */
	static CommandModule lastModule() {
		if (lastModule == null) throw new IllegalStateException("no bridged command completed", lastFailure);
		return lastModule;
	}

	@Override
	public void run(final String className) {
		final CommandService commands = context.service(CommandService.class);
		final CommandInfo info = commands.getCommand(className);
		final String options = Macro.getOptions();
		final Map<String, Object> inputs = new LinkedHashMap<>();
		for (final ModuleItem<?> item : info.inputs()) {
			if (!DeclaredDefaults.isUserInput(item) || options == null) continue;
			final Object value = value(options, item);
			if (value != null) inputs.put(item.getName(), value);
		}
		try {
			lastModule = commands.run(info, true, DeclaredDefaults.complete(info, inputs)).get();
		}
		catch (final InterruptedException e) {
			Thread.currentThread().interrupt();
			Macro.abort();
			return;
		}
		catch (final ExecutionException e) {
			lastFailure = e.getCause();
			Macro.abort();
			return;
		}
		if (lastModule.isCanceled()) {
			Macro.abort();
			return;
		}
		for (final ModuleItem<?> item : info.outputs()) {
			if (item.getValue(lastModule) instanceof ImagePlus imp) WindowManager.setTempCurrentImage(imp);
		}
	}

	private Object value(final String options, final ModuleItem<?> item) {
		final String key = item.getName();
		final Class<?> type = item.getType();
		if (type == boolean.class || type == Boolean.class) {
			// ImageJ 1 writes a ticked checkbox as the bare key
			return (" " + options + " ").contains(" " + key + " ") || Boolean.parseBoolean(
				Macro.getValue(options, key, "false"));
		}
		final String text = Macro.getValue(options, key, null);
		if (text == null) return null;
		if (type == File.class) return new File(text);
		return context.service(ConvertService.class).convert(text, type);
	}
}
