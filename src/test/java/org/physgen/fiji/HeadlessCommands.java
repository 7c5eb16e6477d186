package org.physgen.fiji;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.Command;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;

/** Runs commands as a script or batch job would: given inputs, declared defaults for the rest. */
final class HeadlessCommands implements AutoCloseable {

	private final Context context = new Context(CommandService.class);

	CommandModule run(final Class<? extends Command> command, final Map<String, Object> inputs) throws Exception {
		final CommandService commands = context.service(CommandService.class);
		final CommandInfo info = commands.getCommand(command);
		return commands.run(info, true, DeclaredDefaults.complete(info, inputs)).get();
	}

	/** As {@link #run(Class, Map)} with the inputs given as key, value, key, value... */
	CommandModule run(final Class<? extends Command> command, final Object... keyValues) throws Exception {
		final Map<String, Object> inputs = new HashMap<>();
		for (int i = 0; i < keyValues.length; i += 2) inputs.put((String) keyValues[i], keyValues[i + 1]);
		return run(command, inputs);
	}

	/** The reason a command was refused; fails when it was not. */
	static String refusal(final CommandModule module) {
		assertTrue(module.isCanceled(), "the command should have been refused");
		return module.getCancelReason();
	}

	Context context() {
		return context;
	}

	@Override
	public void close() {
		context.dispose();
	}
}
