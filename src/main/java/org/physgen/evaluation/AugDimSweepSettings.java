package org.physgen.evaluation;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoublePredicate;

import org.physgen.nn.ModelFamily;
import org.physgen.pfgm.SigmaGrid;
import org.physgen.train.TrainingConfig;

/**
 * The settings of one D sweep ({@link AugDimSweep}): the fidelity benchmark's split, network and
 * budget ({@link BenchmarkSettings}, with PFGM++ as the only family and {@code target/pfgm-d-NAME}
 * as the default output folder), and the sweep's own lists, as the script takes them
 * ({@code key=value}, list items separated by commas):
 *
 * @param benchmark the split, network, training budget per D, threads, seed and output folder
 * @param augDims {@code aug_dims}: the augmented dimensions D to train, each at least 1 (1 is PFGM)
 *          or {@code inf} (diffusion); default 1,4,16,128,2048,inf
 * @param samplerSteps {@code sampler_steps}: noise levels n of the steps curve (2n − 1 network
 *          evaluations per volume), each at least 2, kept ascending; default 6,10,18
 * @param networkErrors {@code network_errors}: injected network errors ε of the error curve (SPEC §5),
 *          each finite and at least 0, kept ascending, sampled at the default n =
 *          {@value SigmaGrid.DEFAULT_STEPS}; default 0,0.05,0.1
 */
public record AugDimSweepSettings(BenchmarkSettings benchmark, List<Double> augDims, List<Integer> samplerSteps,
	List<Double> networkErrors)
{

	private static final List<String> KEYS = List.of("aug_dims", "sampler_steps", "network_errors");
	/** The family the sweep trains, by its key: only the family packages name the constants. */
	private static final String FAMILY = "pfgmpp";
	/** Benchmark options the sweep refuses: it trains PFGM++ only, and DSD sharpening does not apply. */
	private static final List<String> NOT_FOR_SWEEP = List.of("families", "model_file", "sharpening");

	public AugDimSweepSettings {
		augDims = List.copyOf(augDims);
		samplerSteps = samplerSteps.stream().sorted().toList();
		networkErrors = networkErrors.stream().sorted().toList();
	}

	/**
	 * The defaults for a volume, with {@code key=value} options over them.
	 *
	 * @throws IllegalArgumentException naming the option and its value for an unknown key, a value
	 *           that does not parse, {@code families}, {@code model_file} or {@code sharpening} (the sweep
	 *           trains PFGM++ only), and as
	 *           {@link #validate}
	 */
	public static AugDimSweepSettings parse(final Path volume, final List<String> options) {
		String augDims = "1,4,16,128,2048,inf", samplerSteps = "6,10,18", networkErrors = "0,0.05,0.1";
		final List<String> rest = new ArrayList<>();
		boolean output = false;
		for (final String option : options) {
			final int eq = option.indexOf('=');
			final String key = eq < 0 ? option : option.substring(0, eq).trim();
			final String value = eq < 0 ? "" : option.substring(eq + 1).trim();
			if (eq < 0 || !KEYS.contains(key) && (!BenchmarkSettings.KEYS.contains(key) || NOT_FOR_SWEEP.contains(
				key))) {
				final List<String> keys = new ArrayList<>(BenchmarkSettings.KEYS);
				keys.removeAll(NOT_FOR_SWEEP);
				keys.addAll(KEYS);
				throw new IllegalArgumentException("unknown option '" + option + "'; the options are " + String.join(
					", ", keys) + ", each as key=value (the sweep trains PFGM++ only)");
			}
			switch (key) {
				case "aug_dims" -> augDims = value;
				case "sampler_steps" -> samplerSteps = value;
				case "network_errors" -> networkErrors = value;
				default -> {
					output |= key.equals("output_dir");
					rest.add(option);
				}
			}
		}
		rest.add("families=" + FAMILY);
		if (!output) rest.add("output_dir=target/pfgm-d-" + volumeName(volume));
		final AugDimSweepSettings settings = new AugDimSweepSettings(BenchmarkSettings.parse(volume, rest), numbers(
			"aug_dims", augDims, true), numbers("sampler_steps", samplerSteps, false).stream().map(Double::intValue)
				.toList(), numbers("network_errors", networkErrors, false));
		settings.validate();
		return settings;
	}

	/**
	 * Checks every setting before any work.
	 *
	 * @throws IllegalArgumentException naming the parameter and its value
	 */
	public void validate() {
		benchmark.validate();
		check("aug_dims", augDims, d -> d >= 1, "each at least 1 (1 is PFGM) or inf");
		check("sampler_steps", samplerSteps.stream().map(Integer::doubleValue).toList(), n -> n >= 2,
			"each a whole number of at least 2");
		check("network_errors", networkErrors, e -> e >= 0 && Double.isFinite(e), "each a finite number of at least 0");
		for (final double d : augDims) training(d, benchmark.output().resolve("model.physgen")).validate();
	}

	/** The training configuration at one D: the benchmark's network and budget, PFGM++ with that D. */
	public TrainingConfig training(final double augDim, final Path modelFile) {
		return benchmark.training(ModelFamily.parse(FAMILY), modelFile).augDim(augDim);
	}

	/** One line with every setting, as options. */
	public String describe() {
		return benchmark.describe().replace(" families=" + FAMILY, "") + " aug_dims=" + String.join(
			",", augDims.stream().map(AugDimSweepSettings::augDim).toList()) + " sampler_steps=" + String.join(",",
				samplerSteps.stream().map(String::valueOf).toList()) + " network_errors=" + String.join(",",
					networkErrors.stream().map(AugDimSweepSettings::plain).toList());
	}

	/** D as the options write it: "4", "2048", "inf". */
	static String augDim(final double d) {
		return Double.isInfinite(d) ? "inf" : plain(d);
	}

	/** A number without trailing zeros: "0.05", "18". */
	static String plain(final double v) {
		if (!Double.isFinite(v)) return String.valueOf(v);
		return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
	}

	private static String volumeName(final Path volume) {
		return volume.getFileName() == null ? "volume" : volume.getFileName().toString().replaceAll("\\.[^.]*$", "");
	}

	private static List<Double> numbers(final String key, final String text, final boolean augDims) {
		final List<Double> values = new ArrayList<>();
		for (final String part : text.split(",")) {
			final String item = part.trim();
			try {
				final double value = augDims ? TrainingConfig.parseAugDim(item) : Double.parseDouble(item);
				if (!key.equals("sampler_steps") || value == Math.rint(value)) {
					if (!values.contains(value)) values.add(value);
					continue;
				}
			}
			catch (final IllegalArgumentException e) {
				// reported below with the key and the whole list
			}
			throw new IllegalArgumentException(key + " must be a comma-separated list of " + (augDims
				? "numbers of at least 1 or inf" : key.equals("sampler_steps") ? "whole numbers" : "numbers")
				+ ", got '" + text + "'");
		}
		return values;
	}

	private static void check(final String key, final List<Double> values, final DoublePredicate ok,
		final String expected)
	{
		if (values.isEmpty()) throw new IllegalArgumentException(key + " must list at least one value");
		for (final double v : values) {
			if (!ok.test(v)) {
				throw new IllegalArgumentException(String.format(Locale.ROOT, "%s must be %s, got %s", key, expected,
					key.equals("aug_dims") ? augDim(v) : plain(v)));
			}
		}
	}
}
