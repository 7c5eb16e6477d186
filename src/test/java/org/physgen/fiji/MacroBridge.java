package org.physgen.fiji;

import java.lang.reflect.Field;
import java.util.Hashtable;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.ModuleRunner;
import org.scijava.module.ModuleService;
import org.scijava.module.process.PostprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.PluginService;

import ij.ImagePlus;
import ij.Macro;
import ij.Menus;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;

/**
 * What Fiji's legacy layer does for a SciJava command called from an ImageJ 1 macro: the command's
 * title is in ImageJ 1's command table, and running it sets each input found in the macro options
 * as key=value by {@link Macro#getValue}, converted by SciJava's ConvertService (as imagej-legacy's
 * MacroPreprocessor does), then runs the module with every preprocessor of the context, PhysGen's
 * included. The output image becomes the macro's current image.
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
		final CommandInfo info = context.service(CommandService.class).getCommand(className);
		final CommandModule module;
		try {
			module = (CommandModule) context.service(ModuleService.class).createModule(info);
		}
		catch (final RuntimeException e) {
			lastFailure = e;
			Macro.abort();
			return;
		}
		final String options = Macro.getOptions();
		if (options != null) readKeyedValues(module, options);
		final PluginService plugins = context.service(PluginService.class);
		// on the macro's own thread, where Macro.getOptions() answers, as the legacy layer's preprocessors see it
		lastModule = module;
		new ModuleRunner(context, module, plugins.createInstancesOfType(PreprocessorPlugin.class), plugins
			.createInstancesOfType(PostprocessorPlugin.class)).run();
		if (module.isCanceled()) {
			Macro.abort();
			return;
		}
		for (final ModuleItem<?> item : info.outputs()) {
			if (item.getValue(module) instanceof ImagePlus imp) WindowManager.setTempCurrentImage(imp);
		}
	}

	/** What imagej-legacy's MacroPreprocessor does: each input found as key=value, converted. */
	private static void readKeyedValues(final Module module, final String options) {
		final ConvertService convert = context.service(ConvertService.class);
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			final String text = Macro.getValue(options, item.getName(), null);
			if (text == null || !convert.supports(text, item.getType())) continue;
			module.setInput(item.getName(), convert.convert(text, item.getType()));
			module.resolveInput(item.getName());
		}
	}
}
