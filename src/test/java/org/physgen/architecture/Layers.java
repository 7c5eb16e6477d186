package org.physgen.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.tngtech.archunit.library.Architectures.LayeredArchitecture;

/**
 * The allowed package dependencies of docs/ARCHITECTURE.md, as an ArchUnit rule: each layer with the
 * layers it may use. Anything not listed is forbidden, in particular every upward arrow.
 */
final class Layers {

	/** Layer name, its packages, and the layers it may depend on. */
	private record Layer(String name, String[] packages, List<String> uses) {}

	private static final List<Layer> LAYERS = new ArrayList<>();

	static {
		layer("random", List.of(), "org.physgen.random..");
		layer("volume", List.of("random"), "org.physgen.volume..");
		layer("mass", List.of("random", "volume"), "org.physgen.mass..");
		layer("lattice", List.of(), "org.physgen.lattice..");
		layer("synth", List.of("random", "volume", "mass"), "org.physgen.synth..");
		layer("metrics", List.of("random", "volume", "mass", "synth"), "org.physgen.metrics..");
		layer("dsd", List.of("random", "volume", "mass", "lattice"), "org.physgen.dsd..");
		layer("pfgm", List.of("random", "volume", "mass"), "org.physgen.pfgm..");
		layer("ldsm", List.of("random", "volume", "mass", "pfgm"), "org.physgen.ldsm..");
		layer("yukawa", List.of("random", "volume", "mass", "lattice", "dsd"), "org.physgen.yukawa..");
		layer("nn", List.of("random", "volume", "lattice", "dsd", "pfgm", "ldsm", "yukawa"), "org.physgen.nn..");
		layer("train", List.of("random", "volume", "mass", "lattice", "metrics", "dsd", "pfgm", "ldsm", "yukawa",
			"nn"), "org.physgen.train..");
		layer("generation", List.of("random", "volume", "mass", "lattice", "dsd", "pfgm", "nn", "train"),
			"org.physgen.model");
		final List<String> family = List.of("random", "volume", "mass", "lattice", "dsd", "pfgm", "ldsm", "yukawa",
			"nn", "train", "generation");
		layer("dsd family", family, "org.physgen.model.dsd..");
		layer("pfgm family", family, "org.physgen.model.pfgm..");
		layer("ldsm family", family, "org.physgen.model.ldsm..");
		layer("yukawa family", family, "org.physgen.model.yukawa..");
		layer("api", List.of("random", "volume", "mass", "lattice", "metrics", "dsd", "pfgm", "ldsm", "yukawa", "nn",
			"train", "generation", "dsd family", "pfgm family", "ldsm family", "yukawa family"), "org.physgen");
		final List<String> library = List.of("random", "volume", "mass", "lattice", "synth", "metrics", "dsd",
			"pfgm", "ldsm", "yukawa", "nn", "train", "generation", "dsd family", "pfgm family", "ldsm family",
			"yukawa family", "api");
		layer("evaluation", library, "org.physgen.evaluation..");
		final List<String> belowFiji = new ArrayList<>(library);
		belowFiji.add("evaluation");
		layer("fiji", belowFiji, "org.physgen.fiji..");
		final List<String> belowCli = new ArrayList<>(belowFiji);
		belowCli.add("fiji");
		layer("cli", belowCli, "org.physgen.cli..");
	}

	private Layers() {}

	private static void layer(final String name, final List<String> uses, final String... packages) {
		LAYERS.add(new Layer(name, packages, uses));
	}

	/** The rule: every layer may be used only by the layers that list it. */
	static LayeredArchitecture rule() {
		LayeredArchitecture rule = layeredArchitecture().consideringOnlyDependenciesInLayers()
			.withOptionalLayers(true);
		for (final Layer l : LAYERS) rule = rule.layer(l.name()).definedBy(l.packages());
		final Map<String, List<String>> usedBy = new LinkedHashMap<>();
		for (final Layer l : LAYERS) usedBy.put(l.name(), new ArrayList<>());
		for (final Layer l : LAYERS) {
			for (final String used : l.uses()) usedBy.get(used).add(l.name());
		}
		for (final Map.Entry<String, List<String>> e : usedBy.entrySet()) {
			rule = e.getValue().isEmpty() ? rule.whereLayer(e.getKey()).mayNotBeAccessedByAnyLayer()
				: rule.whereLayer(e.getKey()).mayOnlyBeAccessedByLayers(e.getValue().toArray(String[]::new));
		}
		return rule;
	}
}
