package org.physgen.nn;

import java.util.Locale;

/** How the network weights are stored in a model bundle, and under which entry name. */
public enum WeightsFormat {
	/** Parameters of the DJL U-Net described by the bundle's {@link NetworkConfig}. */
	DJL("djl", "weights.params"),
	/** A self-contained TorchScript module exported from Python. */
	TORCHSCRIPT("torchscript", "model.pt");

	private final String key;
	private final String entry;

	WeightsFormat(final String key, final String entry) {
		this.key = key;
		this.entry = entry;
	}

	/** Name used in {@code model.json}. */
	public String key() {
		return key;
	}

	/** Zip entry holding the weights. */
	public String entry() {
		return entry;
	}

	public static WeightsFormat parse(final String name) {
		final String n = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		for (final WeightsFormat f : values()) {
			if (f.key.equals(n)) return f;
		}
		throw new IllegalArgumentException("weights format must be 'djl' or 'torchscript', got '" + name +
			"'");
	}
}
