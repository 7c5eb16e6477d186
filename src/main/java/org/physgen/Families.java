package org.physgen;

import java.util.EnumMap;
import java.util.Map;

import org.physgen.model.Family;
import org.physgen.model.dsd.DsdFamily;
import org.physgen.model.ldsm.LdsmFamily;
import org.physgen.model.pfgm.PfgmFamily;
import org.physgen.model.yukawa.YukawaFamily;
import org.physgen.nn.ModelFamily;

/**
 * The registry of model families: one strategy per family, looked up by the name a model file
 * gives. Training and generation find a family here and nowhere else; a new family is its own
 * package plus one line below.
 */
public final class Families {

	private static final Map<ModelFamily, Family> STRATEGIES = new EnumMap<>(ModelFamily.class);

	static {
		register(new DsdFamily());
		register(new PfgmFamily());
		register(new LdsmFamily());
		register(new YukawaFamily());
		for (final ModelFamily id : ModelFamily.values()) {
			if (!STRATEGIES.containsKey(id)) throw new IllegalStateException("no strategy for family " + id);
		}
	}

	private Families() {}

	/** The strategy of a family. */
	public static Family of(final ModelFamily id) {
		return STRATEGIES.get(id);
	}

	private static void register(final Family family) {
		if (STRATEGIES.put(family.id(), family) != null) {
			throw new IllegalStateException("two strategies for family " + family.id());
		}
	}
}
