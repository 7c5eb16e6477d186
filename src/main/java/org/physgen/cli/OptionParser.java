package org.physgen.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.physgen.volume.FailureReasons;
import org.scijava.parse.Item;
import org.scijava.parse.Items;
import org.scijava.parse.ParseService;
import org.scijava.parsington.eval.Unresolved;

/**
 * Parses "key=value,key='text',..." with SciJava's parser, as Fiji's --run does. Unquoted words are
 * text (device=cpu), so that a wrong value (seed=abc) reaches the parameter's own check, and a bare
 * word (resume) is a {@link BareWord}, which a boolean parameter reads as true.
 */
final class OptionParser {

	/** A key given without a value, as ImageJ macros record a ticked checkbox. */
	record BareWord(String name) {}

	private final ParseService parser;

	OptionParser(final ParseService parser) {
		this.parser = parser;
	}

	Map<String, Object> parse(final String text) {
		if (text.isBlank()) return new LinkedHashMap<>();
		final Items items;
		try {
			items = parser.parse(text, false);
		}
		catch (final RuntimeException e) {
			throw new UsageException("cannot parse options \"" + text + "\": " + FailureReasons.of(e)
				+ "; write key=value pairs separated by commas, text with spaces or symbols in quotes"
				+ " (output_file='out/rock 1.tif')");
		}
		final Map<String, Object> options = new LinkedHashMap<>();
		for (final Item item : items) {
			if (item.name() == null) {
				throw new UsageException("option '" + item.value() + "' has no name; write key=value");
			}
			if (options.put(item.name(), value(item)) != null) {
				throw new UsageException("option '" + item.name() + "' is given twice");
			}
		}
		return options;
	}

	private static Object value(final Item item) {
		if (item.value() == null) {
			throw new UsageException(item.name() + ": the value is not a number, true/false or one word; put " +
				"text with symbols in quotes: " + item.name() + "='...'");
		}
		if (!(item.value() instanceof Unresolved word)) return item.value();
		return word.getToken().equals(item.name()) ? new BareWord(item.name()) : word.getToken();
	}
}
