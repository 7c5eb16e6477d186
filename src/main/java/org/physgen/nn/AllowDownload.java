package org.physgen.nn;

import java.util.Locale;

/**
 * Whether the user allows DJL to download the CUDA build of libtorch (about 2 GB, once, into DJL's
 * cache) when no installed libtorch is named and the machine has an NVIDIA GPU. Off unless one of
 * these says {@code true}: the system property {@value #PROPERTY} (which wins), the environment
 * variable {@value #ENVIRONMENT}, or the checkbox of Fiji's PhysGen options.
 *
 * @param allowed whether the download may be used
 * @param setting the setting that decided, for the log; null when none was set
 */
public record AllowDownload(boolean allowed, String setting) {

	/** Environment variable allowing the download. */
	public static final String ENVIRONMENT = "PHYSGEN_ALLOW_DOWNLOAD";
	/** System property allowing the download; wins over {@link #ENVIRONMENT}. */
	public static final String PROPERTY = "physgen.allow_download";
	/** How the log and messages name Fiji's checkbox. */
	public static final String OPTIONS = "the download checkbox of Edit > Options > PhysGen";

	/** Nothing set: no download. */
	public static final AllowDownload OFF = new AllowDownload(false, null);

	/**
	 * The setting in effect: the property when set, else the environment variable when set, else
	 * Fiji's checkbox.
	 *
	 * @param property the system property's value, or null
	 * @param environment the environment variable's value, or null
	 * @param optionsChecked Fiji's checkbox
	 * @throws IllegalArgumentException naming the setting and its value when it is neither
	 *           {@code true} nor {@code false}
	 */
	public static AllowDownload select(final String property, final String environment,
		final boolean optionsChecked)
	{
		if (present(property)) return new AllowDownload(parse("-D" + PROPERTY, property), "-D" + PROPERTY);
		if (present(environment)) return new AllowDownload(parse(ENVIRONMENT, environment), ENVIRONMENT);
		return optionsChecked ? new AllowDownload(true, OPTIONS) : OFF;
	}

	private static boolean present(final String value) {
		return value != null && !value.isBlank();
	}

	private static boolean parse(final String setting, final String value) {
		final String v = value.trim().toLowerCase(Locale.ROOT);
		if (v.equals("true")) return true;
		if (v.equals("false")) return false;
		throw new IllegalArgumentException(setting + " must be true or false, got '" + value + "'");
	}
}
