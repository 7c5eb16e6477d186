package org.physgen.fiji;

import java.awt.GraphicsEnvironment;

import org.scijava.module.Module;
import org.scijava.module.ModuleItem;
import org.scijava.module.process.AbstractPreprocessorPlugin;
import org.scijava.module.process.PreprocessorPlugin;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.ui.UIService;
import org.scijava.widget.InputHarvester;

/**
 * Headless runs of PhysGen commands take the declared default of every input they leave out.
 * SciJava would otherwise fill those inputs with the values last used in a Fiji dialog (its
 * preferences), so that Fiji's {@code --headless --run}, a headless macro or a cluster job would
 * silently depend on whatever someone did before. Runs after the inputs the caller gave are set
 * (options, macro values, {@link MacroOptionsPreprocessor}) and just before remembered values are
 * loaded; Fiji's dialogs still remember the last values.
 */
@Plugin(type = PreprocessorPlugin.class, priority = HeadlessDefaultsPreprocessor.PRIORITY)
public class HeadlessDefaultsPreprocessor extends AbstractPreprocessorPlugin {

	/** Just before SciJava's LoadInputsPreprocessor ({@code InputHarvester.PRIORITY + 1}). */
	static final double PRIORITY = InputHarvester.PRIORITY + 2;

	@Parameter(required = false)
	private UIService ui;

	@Override
	public void process(final Module module) {
		if (!PhysGenModules.owns(module) || !headless()) return;
		for (final ModuleItem<?> item : module.getInfo().inputs()) {
			// the module holds the declared default until someone sets the input
			if (item.isPersisted() && !module.isInputResolved(item.getName())) module.resolveInput(item.getName());
		}
	}

	private boolean headless() {
		return GraphicsEnvironment.isHeadless() || ui != null && ui.isHeadless();
	}
}
