package org.physgen.cli;

import java.util.HashMap;
import java.util.Map;
import java.util.prefs.AbstractPreferences;
import java.util.prefs.Preferences;
import java.util.prefs.PreferencesFactory;

/**
 * Java preferences that live only as long as the headless runner: a batch run neither reads values
 * that an earlier run or a Fiji session remembered nor leaves any behind, and a home folder that
 * cannot hold {@code ~/.java/.userPrefs} (read-only, absent) prints no warnings. The runner installs
 * it through the {@code java.util.prefs.PreferencesFactory} system property unless one is set.
 */
public final class SessionPreferences implements PreferencesFactory {

	// Java creates one factory per process; creating nodes initialises java.util.prefs.Preferences,
	// which reads the factory property: a static field holding a node would do so before install().
	private final Preferences user = new Node(null, "");
	private final Preferences system = new Node(null, "");

	@Override
	public Preferences userRoot() {
		return user;
	}

	@Override
	public Preferences systemRoot() {
		return system;
	}

	/** Installs this factory for the process, unless another is configured already. */
	static void install() {
		if (System.getProperty(PreferencesFactory.class.getName()) == null) {
			System.setProperty(PreferencesFactory.class.getName(), SessionPreferences.class.getName());
		}
	}

	private static final class Node extends AbstractPreferences {

		private final Map<String, String> values = new HashMap<>();
		private final Map<String, Node> children = new HashMap<>();

		Node(final Node parent, final String name) {
			super(parent, name);
		}

		@Override
		protected void putSpi(final String key, final String value) {
			values.put(key, value);
		}

		@Override
		protected String getSpi(final String key) {
			return values.get(key);
		}

		@Override
		protected void removeSpi(final String key) {
			values.remove(key);
		}

		@Override
		protected void removeNodeSpi() {
			values.clear();
			children.clear();
			((Node) parent()).children.remove(name());
		}

		@Override
		protected String[] keysSpi() {
			return values.keySet().toArray(String[]::new);
		}

		@Override
		protected String[] childrenNamesSpi() {
			return children.keySet().toArray(String[]::new);
		}

		@Override
		protected AbstractPreferences childSpi(final String name) {
			return children.computeIfAbsent(name, n -> new Node(this, n));
		}

		@Override
		protected void syncSpi() {}

		@Override
		protected void flushSpi() {}
	}
}
