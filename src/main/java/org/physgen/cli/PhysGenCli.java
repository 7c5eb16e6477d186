package org.physgen.cli;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.scijava.Context;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.parse.ParseService;

/**
 * Headless entry point behind {@code scripts/physgen}:
 * <pre>
 * physgen list
 * physgen help "Synthetic Microstructure"
 * physgen run "Synthetic Microstructure" "kind='gaussian_field',size=64,fractions='0.2',output_file='out/grf.tif'"
 * </pre>
 * The option string has the syntax of Fiji's {@code --headless --run}. Exit status: 0 on success,
 * 1 when the command fails, 2 for an unknown command, unknown parameter or bad value.
 */
public final class PhysGenCli {

	static final int OK = 0;
	static final int FAILED = 1;
	static final int USAGE = 2;

	private final PrintStream out;
	private final PrintStream err;

	PhysGenCli(final PrintStream out, final PrintStream err) {
		this.out = out;
		this.err = err;
	}

	public static void main(final String[] args) {
		System.setProperty("java.awt.headless", "true");
		SessionPreferences.install();
		final int status = new PhysGenCli(System.out, System.err).execute(args);
		System.exit(status);
	}

	int execute(final String[] args) {
		if (args.length == 0 || List.of("-h", "--help").contains(args[0])) {
			out.print(usage());
			return args.length == 0 ? USAGE : OK;
		}
		final String verb = args[0];
		final List<String> rest = Arrays.asList(args).subList(1, args.length);
		try (Context context = new Context(CommandService.class, ConvertService.class, ParseService.class)) {
			final CommandCatalog catalog = new CommandCatalog(context.service(CommandService.class));
			switch (verb) {
				case "list":
					out.print(catalog.describeAll());
					return OK;
				case "help":
					if (rest.size() != 1) return usageError("help needs one command title, e.g. help \"Synthetic Microstructure\"");
					out.print(catalog.describe(catalog.find(rest.get(0))));
					return OK;
				case "run":
					if (rest.isEmpty() || rest.size() > 2) {
						return usageError("run needs a command title and an option string, e.g."
							+ " run \"Synthetic Microstructure\" \"size=64,fractions='0.2'\"");
					}
					final Map<String, Object> options = new OptionParser(context.service(ParseService.class))
						.parse(rest.size() == 2 ? rest.get(1) : "");
					return new CommandRunner(context, out, err).run(catalog.find(rest.get(0)), options);
				default:
					return usageError("unknown verb '" + verb + "'; use list, help or run");
			}
		}
		catch (final UsageException e) {
			return usageError(e.getMessage());
		}
	}

	private int usageError(final String message) {
		err.println("physgen: " + message);
		return USAGE;
	}

	static String usage() {
		return String.join(System.lineSeparator(),
			"PhysGen headless runner",
			"  physgen list                          commands with their parameters and defaults",
			"  physgen help \"<command>\"              one command in detail",
			"  physgen run \"<command>\" \"k=v,k='text',...\"",
			"                                        run a command (title or class name), same",
			"                                        option syntax as Fiji's --headless --run",
			"");
	}
}
