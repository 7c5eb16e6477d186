package org.physgen.nn;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;

/**
 * The model families a bundle can hold: each one's name in files and parameters, its name for
 * people, and the reader of its {@link ProcessSettings} section. What a family does lives in its
 * strategy ({@code org.physgen.Families}); this is only how a model file names it.
 */
public enum ModelFamily {
	DSD("dsd", "DSD", "dsd", DsdProcess::fromJson),
	PFGMPP("pfgmpp", "PFGM++", "pfgm", PfgmProcess::fromJson, "pfgm++", "pfgm"),
	LDSM("ldsm", "local-DSM", "ldsm", LocalDsmProcess::fromJson, "local-dsm"),
	YUKAWA("yukawa", "Yukawa", "yukawa", YukawaProcess::fromJson);

	private final String key;
	private final String displayName;
	private final String section;
	private final Function<JsonObject, ProcessSettings> reader;
	private final List<String> aliases;

	/** @param aliases other names that parameters and files may use */
	ModelFamily(final String key, final String displayName, final String section,
		final Function<JsonObject, ProcessSettings> reader, final String... aliases)
	{
		this.key = key;
		this.displayName = displayName;
		this.section = section;
		this.reader = reader;
		this.aliases = List.of(aliases);
	}

	/** Name used in model files and parameters. */
	public String key() {
		return key;
	}

	/** "DSD", "PFGM++" or "local-DSM", for messages and reports. */
	public String displayName() {
		return displayName;
	}

	/** Key of the process-settings section in {@code model.json}. */
	public String section() {
		return section;
	}

	/**
	 * Reads this family's process-settings section.
	 *
	 * @throws IllegalArgumentException naming the missing or malformed field
	 */
	public ProcessSettings readSettings(final JsonObject json) {
		return reader.apply(json);
	}

	/** @throws IllegalArgumentException naming the accepted names */
	public static ModelFamily parse(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final ModelFamily f : values()) {
			if (f.key.equals(n) || f.aliases.contains(n)) return f;
		}
		throw new IllegalArgumentException("model family must be " + keys("'", "'") + ", got '" + name + "'");
	}

	/** The families' keys, each between {@code open} and {@code close}: "'dsd' or 'pfgmpp' or 'ldsm'". */
	public static String keys(final String open, final String close) {
		return Arrays.stream(values()).map(f -> open + f.key + close).collect(Collectors.joining(" or "));
	}
}
