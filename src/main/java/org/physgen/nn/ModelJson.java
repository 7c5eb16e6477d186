package org.physgen.nn;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.physgen.lattice.Boundary;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/**
 * {@link ModelMetadata} as the JSON text of {@code model.json}: snake_case keys, pretty-printed,
 * infinite {@code aug_dim} as the string "inf", an unknown loss as null. Reading checks every field
 * and throws {@link IllegalArgumentException} with a message naming the field and what is wrong.
 */
final class ModelJson {

	private static final Gson GSON = new GsonBuilder().setPrettyPrinting().serializeNulls().create();

	private static final String ADAPTIVE_NORM = "adaptive_norm";
	private static final String ADDITIVE = "additive";

	private ModelJson() {}

	static String write(final ModelMetadata m) {
		final JsonObject o = new JsonObject();
		o.addProperty("format_version", m.formatVersion());
		o.addProperty("family", m.family().key());
		final JsonObject phases = new JsonObject();
		final JsonArray grey = new JsonArray();
		final JsonArray names = new JsonArray();
		for (int p = 0; p < m.phases().phaseCount(); p++) {
			grey.add(m.phases().greyValue(p));
			names.add(m.phases().name(p));
		}
		phases.add("grey_values", grey);
		phases.add("names", names);
		o.add("phases", phases);
		final JsonObject voxel = new JsonObject();
		voxel.addProperty("x", m.voxelSize().x());
		voxel.addProperty("y", m.voxelSize().y());
		voxel.addProperty("z", m.voxelSize().z());
		voxel.addProperty("unit", m.voxelSize().unit());
		o.add("voxel_size", voxel);
		o.addProperty("crop_size", m.cropSize());
		o.addProperty("boundary", m.boundary().name().toLowerCase(Locale.ROOT));
		o.addProperty("weights_format", m.weightsFormat().key());
		final JsonObject io = new JsonObject();
		io.addProperty("input_channels", m.io().inputChannels());
		io.addProperty("output_channels", m.io().outputChannels());
		io.addProperty("condition_dim", m.io().conditionDim());
		io.addProperty("size_multiple", m.io().sizeMultiple());
		o.add("io", io);
		o.add("network", m.network() == null ? JsonNull.INSTANCE : network(m.network()));
		o.add(m.family().section(), m.process().toJson());
		o.add("training_data", m.trainingData() == null ? JsonNull.INSTANCE : trainingData(m.trainingData()));
		o.addProperty("training_steps", m.trainingSteps());
		o.add("final_loss", Double.isFinite(m.finalLoss()) ? new JsonPrimitive(m.finalLoss()) :
			JsonNull.INSTANCE);
		o.addProperty("software_version", m.softwareVersion());
		o.addProperty("timestamp", m.timestamp().toString());
		return GSON.toJson(o);
	}

	/**
	 * @throws IllegalArgumentException for text that is not JSON, an unsupported format version, a
	 *           missing or malformed field, or inconsistent fields
	 */
	static ModelMetadata read(final String text) {
		final JsonObject o;
		try {
			final JsonElement root = JsonParser.parseString(text);
			if (!root.isJsonObject()) throw new IllegalArgumentException("not a JSON object");
			o = root.getAsJsonObject();
		}
		catch (final JsonParseException e) {
			throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
		}
		final int version = integer(o, "format_version");
		if (version != ModelMetadata.FORMAT_VERSION) {
			throw new IllegalArgumentException("unsupported format_version " + version + " (this PhysGen " +
				"reads format_version " + ModelMetadata.FORMAT_VERSION + ")");
		}
		final String familyName = string(o, "family");
		final ModelFamily family;
		try {
			family = ModelFamily.parse(familyName);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("unknown model family '" + familyName +
				"' (expected " + ModelFamily.keys("", "") + ")", e);
		}
		final ModelMetadata.Builder b = ModelMetadata.builder(family);
		b.formatVersion(version);
		b.phases(phases(object(o, "phases")));
		final JsonObject voxel = object(o, "voxel_size");
		try {
			b.voxelSize(new VoxelSize(number(voxel, "x"), number(voxel, "y"), number(voxel, "z"),
				string(voxel, "unit")));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("voxel_size invalid: " + e.getMessage(), e);
		}
		b.cropSize(integer(o, "crop_size"));
		b.boundary(Boundary.parse(string(o, "boundary")));
		final WeightsFormat format = WeightsFormat.parse(string(o, "weights_format"));
		final JsonObject ioObject = object(o, "io");
		final NetworkIo io = new NetworkIo(integer(ioObject, "input_channels"),
			integer(ioObject, "output_channels"), integer(ioObject, "condition_dim"),
			integer(ioObject, "size_multiple"));
		final JsonElement networkElement = o.get("network");
		NetworkConfig network = null;
		if (networkElement != null && !networkElement.isJsonNull()) {
			network = network(asObject(networkElement, "network"));
		}
		else if (format == WeightsFormat.DJL) {
			throw new IllegalArgumentException("'network' is missing; weights_format djl needs the network " +
				"config");
		}
		b.weights(format, io, network);
		b.process(family.readSettings(object(o, family.section())));
		final JsonElement data = o.get("training_data");
		if (data != null && !data.isJsonNull()) b.trainingData(trainingData(asObject(data, "training_data")));
		b.trainingSteps(longInteger(o, "training_steps"));
		final JsonElement loss = o.get("final_loss");
		b.finalLoss(loss == null || loss.isJsonNull() ? Double.NaN : number(o, "final_loss"));
		b.softwareVersion(string(o, "software_version"));
		final String time = string(o, "timestamp");
		try {
			b.timestamp(Instant.parse(time));
		}
		catch (final DateTimeParseException e) {
			throw new IllegalArgumentException("'timestamp' must be an ISO-8601 UTC time such as " +
				"2026-01-31T12:00:00Z, got '" + time + "'", e);
		}
		return b.build();
	}

	private static JsonObject network(final NetworkConfig n) {
		final JsonObject o = new JsonObject();
		o.addProperty("input_channels", n.inputChannels());
		o.addProperty("output_channels", n.outputChannels());
		o.addProperty("base_channels", n.baseChannels());
		final JsonArray multipliers = new JsonArray();
		for (final int m : n.multipliers()) multipliers.add(m);
		o.add("multipliers", multipliers);
		o.addProperty("res_blocks", n.resBlocks());
		o.addProperty("groups", n.groups());
		o.addProperty("dropout", n.dropout());
		o.addProperty("attention", n.attention());
		o.addProperty("condition_dim", n.conditionDim());
		o.addProperty("periodic", n.periodic());
		o.addProperty("embedding", n.adaptiveNorm() ? ADAPTIVE_NORM : ADDITIVE);
		return o;
	}

	private static NetworkConfig network(final JsonObject o) {
		final JsonArray array = array(o, "multipliers");
		final List<Integer> multipliers = new ArrayList<>();
		for (int i = 0; i < array.size(); i++) {
			multipliers.add(integer(array.get(i), "multipliers[" + i + "]"));
		}
		try {
			return new NetworkConfig(integer(o, "input_channels"), integer(o, "output_channels"),
				integer(o, "base_channels"), multipliers, integer(o, "res_blocks"), integer(o, "groups"),
				number(o, "dropout"), bool(o, "attention"), integer(o, "condition_dim"), bool(o, "periodic"),
				adaptiveNorm(o));
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("network config invalid: " + e.getMessage(), e);
		}
	}

	/** Files without the field were written before adaptive GroupNorm existed. */
	private static boolean adaptiveNorm(final JsonObject o) {
		if (!o.has("embedding")) return false;
		final String mode = string(o, "embedding");
		if (mode.equals(ADAPTIVE_NORM)) return true;
		if (mode.equals(ADDITIVE)) return false;
		throw new IllegalArgumentException("network.embedding must be '" + ADAPTIVE_NORM + "' or '" +
			ADDITIVE + "', got '" + mode + "'");
	}

	private static PhaseTable phases(final JsonObject o) {
		final JsonArray grey = array(o, "grey_values");
		final JsonArray names = array(o, "names");
		final int[] values = new int[grey.size()];
		for (int p = 0; p < values.length; p++) values[p] = integer(grey.get(p), "grey_values[" + p + "]");
		final String[] labels = new String[names.size()];
		for (int p = 0; p < labels.length; p++) labels[p] = string(names.get(p), "names[" + p + "]");
		try {
			return new PhaseTable(values, labels);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("phases invalid: " + e.getMessage(), e);
		}
	}

	private static JsonObject trainingData(final TrainingData d) {
		final JsonObject o = new JsonObject();
		o.addProperty("name", d.name());
		o.addProperty("sha256", d.sha256());
		o.addProperty("crop_count", d.cropCount());
		o.add("fraction_mean", numbers(d.fractionMean()));
		o.add("fraction_sd", numbers(d.fractionSd()));
		o.add("quantile_levels", numbers(TrainingData.QUANTILE_LEVELS));
		final JsonArray quantiles = new JsonArray();
		for (final double[] row : d.fractionQuantiles()) quantiles.add(numbers(row));
		o.add("fraction_quantiles", quantiles);
		final JsonArray crops = new JsonArray();
		for (final double[] f : d.cropFractions()) crops.add(numbers(f));
		o.add("crop_fractions", crops);
		return o;
	}

	private static TrainingData trainingData(final JsonObject o) {
		final double[] levels = numbers(array(o, "quantile_levels"), "quantile_levels");
		if (!Arrays.equals(levels, TrainingData.QUANTILE_LEVELS)) {
			throw new IllegalArgumentException("training_data.quantile_levels must be " +
				Arrays.toString(TrainingData.QUANTILE_LEVELS) + ", got " +
				Arrays.toString(levels));
		}
		final JsonArray quantileRows = array(o, "fraction_quantiles");
		final double[][] quantiles = new double[quantileRows.size()][];
		for (int q = 0; q < quantiles.length; q++) {
			quantiles[q] = numbers(asArray(quantileRows.get(q), "fraction_quantiles[" + q + "]"),
				"fraction_quantiles[" + q + "]");
		}
		final JsonArray cropRows = array(o, "crop_fractions");
		final List<double[]> crops = new ArrayList<>(cropRows.size());
		for (int i = 0; i < cropRows.size(); i++) {
			crops.add(numbers(asArray(cropRows.get(i), "crop_fractions[" + i + "]"), "crop_fractions[" + i + "]"));
		}
		try {
			return new TrainingData(string(o, "name"), string(o, "sha256"), longInteger(o, "crop_count"),
				numbers(array(o, "fraction_mean"), "fraction_mean"), numbers(array(o, "fraction_sd"),
					"fraction_sd"), quantiles, crops);
		}
		catch (final IllegalArgumentException e) {
			throw new IllegalArgumentException("training_data invalid: " + e.getMessage(), e);
		}
	}

	private static JsonArray numbers(final double[] values) {
		final JsonArray array = new JsonArray();
		for (final double v : values) array.add(v);
		return array;
	}

	private static double[] numbers(final JsonArray array, final String key) {
		final double[] values = new double[array.size()];
		for (int i = 0; i < values.length; i++) values[i] = number(array.get(i), key + "[" + i + "]");
		return values;
	}

	static JsonElement required(final JsonObject o, final String key) {
		final JsonElement e = o.get(key);
		if (e == null || e.isJsonNull()) throw new IllegalArgumentException("'" + key + "' is missing");
		return e;
	}

	static JsonObject object(final JsonObject o, final String key) {
		return asObject(required(o, key), key);
	}

	private static JsonObject asObject(final JsonElement e, final String key) {
		if (!e.isJsonObject()) throw new IllegalArgumentException("'" + key + "' must be an object, got " + e);
		return e.getAsJsonObject();
	}

	private static JsonArray array(final JsonObject o, final String key) {
		return asArray(required(o, key), key);
	}

	private static JsonArray asArray(final JsonElement e, final String key) {
		if (!e.isJsonArray()) throw new IllegalArgumentException("'" + key + "' must be a list, got " + e);
		return e.getAsJsonArray();
	}

	static String string(final JsonObject o, final String key) {
		return string(required(o, key), key);
	}

	private static String string(final JsonElement e, final String key) {
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isString()) {
			throw new IllegalArgumentException("'" + key + "' must be a string, got " + e);
		}
		return e.getAsString();
	}

	static double number(final JsonObject o, final String key) {
		return number(required(o, key), key);
	}

	private static double number(final JsonElement e, final String key) {
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isNumber()) {
			throw new IllegalArgumentException("'" + key + "' must be a number, got " + e);
		}
		return e.getAsDouble();
	}

	static int integer(final JsonObject o, final String key) {
		return integer(required(o, key), key);
	}

	private static int integer(final JsonElement e, final String key) {
		final long v = longInteger(e, key);
		if (v != (int) v) throw new IllegalArgumentException("'" + key + "' is out of range: " + v);
		return (int) v;
	}

	private static long longInteger(final JsonObject o, final String key) {
		return longInteger(required(o, key), key);
	}

	private static long longInteger(final JsonElement e, final String key) {
		final double v = number(e, key);
		if (v != Math.rint(v) || Math.abs(v) > 1L << 53) {
			throw new IllegalArgumentException("'" + key + "' must be a whole number, got " + e);
		}
		return (long) v;
	}

	private static boolean bool(final JsonObject o, final String key) {
		final JsonElement e = required(o, key);
		if (!e.isJsonPrimitive() || !e.getAsJsonPrimitive().isBoolean()) {
			throw new IllegalArgumentException("'" + key + "' must be true or false, got " + e);
		}
		return e.getAsBoolean();
	}
}
