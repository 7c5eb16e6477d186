package org.physgen.fiji;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import org.physgen.PhysGenModels;
import org.physgen.model.GenerativeModel;
import org.physgen.synth.SyntheticKind;
import org.physgen.synth.SyntheticMicrostructures;
import org.physgen.synth.SyntheticSpec;
import org.physgen.train.TrainingConfig;
import org.physgen.train.TrainingListener;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.VoxelSize;

/**
 * Tiny models for command tests, trained once per test run: a few steps of a 4-channel network on
 * 8³ crops of a 16³ porous rock (voxel size 2.5 µm). They generate noise-like structures, but with
 * the exact counts, sizes and calibration the commands promise.
 */
public final class TinyModels {

	public static final VoxelSize VOXEL = VoxelSize.isotropic(2.5, "µm");

	private static Path folder;
	private static Path dsd;
	private static Path pfgm;
	private static Path yukawa;

	private TinyModels() {}

	/** The 16³ two-phase training volume, 30 % phase 1. */
	public static LabelVolume trainingVolume() {
		return SyntheticMicrostructures.generate(new SyntheticSpec(SyntheticKind.GAUSSIAN_FIELD, 16, 16, 16,
			new double[] { 0.3 }, 2.0, 3.0, true, 11, VOXEL));
	}

	public static synchronized Path dsd() {
		if (dsd == null) dsd = train(TrainingConfig.dsd(folder().resolve("tiny-dsd.physgen")));
		return dsd;
	}

	public static synchronized Path pfgm() {
		if (pfgm == null) pfgm = train(TrainingConfig.pfgm(folder().resolve("tiny-pfgm.physgen")));
		return pfgm;
	}

	/** A Yukawa model (hop rate 4, linear survival) that grows volumes from an empty box. */
	public static synchronized Path yukawa() {
		if (yukawa == null) yukawa = train(TrainingConfig.yukawa(folder().resolve("tiny-yukawa.physgen")).rate(4));
		return yukawa;
	}

	/** Edge lengths generated volumes must be multiples of. */
	public static int sizeMultiple(final Path model) {
		try (GenerativeModel m = PhysGenModels.load(model, "cpu", 1)) {
			return m.sizeMultiple();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** Configures a tiny run: 8³ crops, 3 steps, 4 channels, one thread, on the CPU. */
	static TrainingConfig tiny(final TrainingConfig config) {
		return config.cropSize(8).steps(3).batchSize(2).baseChannels(4).checkpointEvery(3).seed(5)
			.device("cpu").threads(1).dataName("tiny porous rock");
	}

	private static Path train(final TrainingConfig config) {
		try {
			return PhysGenModels.train(List.of(trainingVolume()), tiny(config), TrainingListener.NONE).modelFile();
		}
		catch (final IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static Path folder() {
		if (folder == null) {
			try {
				folder = Files.createTempDirectory("physgen-tiny-models");
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
			final Path created = folder;
			Runtime.getRuntime().addShutdownHook(new Thread(() -> delete(created)));
		}
		return folder;
	}

	private static void delete(final Path tree) {
		try (Stream<Path> paths = Files.walk(tree)) {
			paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
		}
		catch (final IOException e) {
			// a temporary folder that stays behind is harmless
		}
	}
}
