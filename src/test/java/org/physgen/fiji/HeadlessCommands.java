package org.physgen.fiji;

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

	Context context() {
		return context;
	}

	@Override
	public void close() {
		context.dispose();
	}
}
