package org.physgen.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.physgen.model.GenerationRequest;
import org.physgen.nn.ModelBundle;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.NetworkConfig;
import org.physgen.train.TrainingConfig;

/**
 * The settings of one fidelity benchmark run ({@link FidelityBenchmark}). Option keys, as the script
 * takes them ({@code key=value}), are given with each parameter; the defaults are the README's
 * laptop recipe (crop 16, channels 8, learning rate 0.002, batch 4) with 64³ volumes, 8 held-out
 * sub-volumes and a budget of 4000 steps or 60 minutes per family, whichever ends first.
 *
 * @param volume the segmented volume (TIFF, or a zip holding one TIFF)
 * @param poreGreyValue {@code pore}: the grey value of the pore phase, or -1 for the phase named
 *          "pore", else the lowest grey value
 * @param size {@code size}: edge of the held-out sub-volumes and of every generated volume (voxels)
 * @param heldOut {@code held_out}: at least this many held-out sub-volumes (at least 8); also the
 *          number of volumes generated per method
 * @param steps {@code steps}: training steps per family
 * @param minutes {@code minutes}: training wall-time limit per family in minutes, 0 for none
 * @param channels {@code channels}: network base width
 * @param cropSize {@code crop_size}: training crop edge (voxels)
 * @param batch {@code batch}: training crops per step
 * @param learningRate {@code learning_rate}
 * @param threads {@code threads}: CPU threads, 0 for all cores
 * @param seed {@code seed}: seeds training, generation and the Gaussian fields
 * @param families {@code families}: the learned families to train, e.g. {@code dsd+pfgmpp}, or
 *          {@code none} for the baselines only; none when a model file is given
 * @param output {@code output_dir}: folder for the table, the picture, the CSVs and the models
 * @param modelFile {@code model_file}: a trained model to compare instead of training any family
 *          (its family is read from the file; it should have been trained on this split's training
 *          block, e.g. by an earlier run of the benchmark), or null to train the families
 * @param sharpening {@code sharpening}: DSD sharpening γ of the generation (SPEC §4.5), in [1, 10]
 */
public record BenchmarkSettings(Path volume, int poreGreyValue, int size, int heldOut, long steps,
	double minutes, int channels, int cropSize, int batch, double learningRate, int threads, long seed,
	List<ModelFamily> families, Path output, Path modelFile, double sharpening)
{

	/** SPEC §14: the natural spread needs at least this many held-out sub-volumes. */
	public static final int MIN_HELD_OUT = 8;

	static final List<String> KEYS = List.of("pore", "size", "held_out", "steps", "minutes", "channels",
		"crop_size", "batch", "learning_rate", "threads", "seed", "families", "output_dir", "model_file", "sharpening");

	public BenchmarkSettings {
		families = List.copyOf(families);
	}

	/**
	 * The defaults for a volume, with {@code key=value} options over them.
	 *
	 * @throws IllegalArgumentException naming the option for an unknown key or a value that is not a
	 *           number, and as {@link #validate} for a bad value
	 */
	public static BenchmarkSettings parse(final Path volume, final List<String> options) {
		final Map<String, String> values = new LinkedHashMap<>();
		for (final String option : options) {
			final int eq = option.indexOf('=');
			final String key = eq < 0 ? option : option.substring(0, eq).trim();
			if (eq < 0 || !KEYS.contains(key)) {
				throw new IllegalArgumentException("unknown option '" + option + "'; the options are " + String.join(
					", ", KEYS) + ", each as key=value");
			}
			values.put(key, option.substring(eq + 1).trim());
		}
		final String name = volume.getFileName() == null ? "volume" : volume.getFileName().toString().replaceAll(
			"\\.[^.]*$", "");
		final Path output = Path.of(values.getOrDefault("output_dir", "target/fidelity-" + name));
		final Path modelFile = values.containsKey("model_file") ? Path.of(values.get("model_file")) : null;
		if (modelFile != null && values.containsKey("families")) {
			throw new IllegalArgumentException("give either families (to train) or model_file (to compare a trained "
				+ "model), not both; got families=" + values.get("families") + " and model_file=" + modelFile);
		}
		final List<ModelFamily> families = families(values.getOrDefault("families", modelFile != null ? "none"
			: "dsd+pfgmpp"));
		final BenchmarkSettings settings = new BenchmarkSettings(volume, integer(values, "pore", -1),
			integer(values, "size", 64), integer(values, "held_out", MIN_HELD_OUT), number(values, "steps", 4000L),
			number(values, "minutes", 60.0), integer(values, "channels", 8), integer(values, "crop_size", 16),
			integer(values, "batch", 4), number(values, "learning_rate", 0.002), integer(values, "threads", 0),
			number(values, "seed", 1L), families, output, modelFile, number(values, "sharpening",
				GenerationRequest.DEFAULT_SHARPENING));
		settings.validate();
		return settings;
	}

	/**
	 * Checks every setting before any work.
	 *
	 * @throws IllegalArgumentException naming the parameter and its value
	 */
	public void validate() {
		if (volume == null) throw new IllegalArgumentException("volume is required");
		if (output == null) throw new IllegalArgumentException("output_dir is required");
		check(poreGreyValue >= -1 && poreGreyValue <= 255, "pore", poreGreyValue, "a grey value 0..255, or -1");
		final int multiple = 1 << (NetworkConfig.DEFAULT_MULTIPLIERS.size() - 1);
		check(size >= 8 && size % multiple == 0, "size", size, "a multiple of " + multiple + ", at least 8");
		check(heldOut >= MIN_HELD_OUT, "held_out", heldOut, "at least " + MIN_HELD_OUT);
		check(minutes >= 0 && Double.isFinite(minutes), "minutes", minutes, "0 (no limit) or more");
		check(cropSize % multiple == 0, "crop_size", cropSize, "a multiple of " + multiple);
		GenerationRequest.requireSharpening(sharpening);
		if (modelFile != null && !Files.isRegularFile(modelFile)) {
			throw new IllegalArgumentException("model_file must be a trained model file, got " + modelFile
				+ " (no such file)");
		}
		if (modelFile != null && !ModelBundle.isModelBundle(modelFile)) {
			throw new IllegalArgumentException("model_file must be a trained model file, got " + modelFile
				+ " (not a PhysGen model bundle)");
		}
		for (final ModelFamily family : families) training(family, output.resolve("model.physgen")).validate();
	}

	/** The training configuration of one family, with this run's budget and network. */
	public TrainingConfig training(final ModelFamily family, final Path modelFile) {
		return TrainingConfig.of(family, modelFile).cropSize(cropSize).steps(steps).batchSize(batch)
			.learningRate(learningRate).baseChannels(channels).threads(threads).seed(seed);
	}

	/** One line with every setting that the run uses, as options (no training settings with a model file). */
	public String describe() {
		final String training = modelFile != null ? "" : String.format(Locale.ROOT, " steps=%d minutes=%s channels=%d "
			+ "crop_size=%d learning_rate=%s families=%s", steps, minutes, channels, cropSize, learningRate, families
				.isEmpty() ? "none" : String.join("+", families.stream().map(ModelFamily::key).toList()));
		return String.format(Locale.ROOT, "size=%d held_out=%d batch=%d threads=%d seed=%d", size, heldOut, batch,
			threads, seed) + training + (poreGreyValue >= 0 ? " pore=" + poreGreyValue : "") + (modelFile != null
				? " model_file=" + modelFile : "") + (sharpening != GenerationRequest.DEFAULT_SHARPENING ? " sharpening="
					+ sharpening : "");
	}

	private static List<ModelFamily> families(final String text) {
		final List<ModelFamily> list = new ArrayList<>();
		if (text.equalsIgnoreCase("none")) return list;
		for (final String part : text.split("[+,]")) {
			final ModelFamily family;
			try {
				family = ModelFamily.parse(part);
			}
			catch (final IllegalArgumentException e) {
				throw new IllegalArgumentException("families must be family keys joined by + (dsd, pfgmpp, ldsm, yukawa, e.g. dsd+pfgmpp) or none, got '" + text
					+ "'", e);
			}
			if (!list.contains(family)) list.add(family);
		}
		return list;
	}

	private static int integer(final Map<String, String> values, final String key, final int otherwise) {
		final String text = values.get(key);
		try {
			return text == null ? otherwise : Integer.parseInt(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'", e);
		}
	}

	private static double number(final Map<String, String> values, final String key, final double otherwise) {
		final String text = values.get(key);
		try {
			return text == null ? otherwise : Double.parseDouble(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a number, got '" + text + "'", e);
		}
	}

	private static long number(final Map<String, String> values, final String key, final long otherwise) {
		final String text = values.get(key);
		try {
			return text == null ? otherwise : Long.parseLong(text);
		}
		catch (final NumberFormatException e) {
			throw new IllegalArgumentException(key + " must be a whole number, got '" + text + "'", e);
		}
	}

	private static void check(final boolean ok, final String name, final Object value, final String expected) {
		if (!ok) throw new IllegalArgumentException(name + " must be " + expected + ", got " + value);
	}
}
