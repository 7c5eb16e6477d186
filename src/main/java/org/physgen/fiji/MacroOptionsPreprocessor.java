package org.physgen.fiji;

import java.awt.GraphicsEnvironment;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.scijava.Cancelable;
import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Plugin;

import ij.IJ;
import ij.Macro;

/**
 * Completes what Fiji's macro layer reads from an ImageJ 1 macro's options for PhysGen commands.
 * The layer looks each key up with {@link Macro#getValue}, which finds only "key=value": a ticked
 * checkbox, which ImageJ records as the bare key ("resume"), is not seen, and a number it cannot
 * read ("seed=abc", "size=64.5") becomes 0. Here a bare key sets its boolean input to true, and the
 * text of every numeric or boolean input is checked strictly, cancelling the command with the
 * parameter and the value when it is not one.
 */
@Plugin(type = PreprocessorPlugin.class, priority = MacroOptionsPreprocessor.PRIORITY)
public class MacroOptionsPreprocessor extends AbstractPreprocessorPlugin {

	/** After the macro layer has set the keyed values, before {@link HeadlessDefaultsPreprocessor}. */
	static final double PRIORITY = HeadlessDefaultsPreprocessor.PRIORITY + 1;

	@Override
	public void process(final Module module) {
		final String options = Macro.getOptions();
		if (options == null || !PhysGenModules.owns(module)) return;
		try {
			apply(module, options);
		}
		catch (final IllegalArgumentException e) {
			cancel(e.getMessage());
			if (module instanceof Cancelable command) command.cancel(e.getMessage());
			if (!GraphicsEnvironment.isHeadless()) IJ.error("PhysGen", e.getMessage());
		}
	}

	private static void apply(final Module module, final String options) {
		final Set<String> bare = bareWords(options);
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			final String name = item.getName();
			final Class<?> type = item.getType();
			final String text = Macro.getValue(options, name, null);
			if (text != null && ParameterValues.isNumeric(type)) {
				module.setInput(name, ParameterValues.number(name, text, type));
				module.resolveInput(name);
			}
			else if (ParameterValues.isBoolean(type) && (text != null || bare.contains(name))) {
				module.setInput(name, text == null || ParameterValues.bool(name, text));
				module.resolveInput(name);
			}
		}
	}

	/** The words of the options without a value: neither key=value nor inside [...] or '...'. */
	static Set<String> bareWords(final String options) {
		return Arrays.stream(options.replaceAll("\\[[^\\]]*\\]|'[^']*'", " ").trim().split("\\s+"))
			.filter(word -> !word.isEmpty() && !word.contains("=")).collect(Collectors.toSet());
	}
}
