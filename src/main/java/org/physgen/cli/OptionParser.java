package org.physgen.cli;

import java.util.LinkedHashMap;
import java.util.Map;

import org.scijava.parse.Item;
import org.scijava.parse.Items;
import org.scijava.parse.ParseService;

/** Parses "key=value,key='text',..." with SciJava's parser, as Fiji's --run does. */
final class OptionParser {

	private final ParseService parser;

	OptionParser(final ParseService parser) {
		this.parser = parser;
	}

	Map<String, Object> parse(final String text) {
		if (text.isBlank()) return new LinkedHashMap<>();
		final Items items;
		try {
			items = parser.parse(text);
		}
		catch (final RuntimeException e) {
			throw new UsageException("cannot parse options \"" + text + "\": " + e.getMessage());
		}
		final Map<String, Object> options = new LinkedHashMap<>();
		for (final Item item : items) {
			if (item.name() == null) {
				throw new UsageException("option '" + item.value() + "' has no name; write key=value");
			}
			if (options.put(item.name(), item.value()) != null) {
				throw new UsageException("option '" + item.name() + "' is given twice");
			}
		}
		return options;
	}
}
