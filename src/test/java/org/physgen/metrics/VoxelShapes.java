package org.physgen.metrics;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.physgen.volume.LabelVolume;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VolumeReader;
import org.physgen.volume.VoxelSize;

/** Hand-made volumes and the shared reference volumes for the metric tests. */
final class VoxelShapes {

	static {
		System.setProperty("java.awt.headless", "true");
	}

	private static final Path DATA = Path.of("..", "shared", "data");
	private static final Map<String, LabelVolume> LOADED = new ConcurrentHashMap<>();

	private VoxelShapes() {}

	/** A volume of phase 0 with {@code phases} phases. */
	static LabelVolume empty(final int sizeX, final int sizeY, final int sizeZ, final int phases) {
		return LabelVolume.create(sizeX, sizeY, sizeZ, PhaseTable.identity(phases), VoxelSize.DEFAULT);
	}

	/** Each voxel independently phase 1 with the given probability, else 0. */
	static LabelVolume random(final int sizeX, final int sizeY, final int sizeZ,
		final double probability, final long seed)
	{
		final SplittableRandom random = new SplittableRandom(seed);
		final LabelVolume volume = empty(sizeX, sizeY, sizeZ, 2);
		for (int z = 0; z < sizeZ; z++) {
			final byte[] slice = volume.slice(z);
			for (int i = 0; i < slice.length; i++) slice[i] = (byte) (random.nextDouble() < probability ? 1 : 0);
		}
		return volume;
	}

	/** Sets the half-open box [x0, x1) x [y0, y1) x [z0, z1) to the phase. */
	static void fill(final LabelVolume volume, final int x0, final int y0, final int z0, final int x1,
		final int y1, final int z1, final int phase)
	{
		for (int z = z0; z < z1; z++) {
			for (int y = y0; y < y1; y++) {
				for (int x = x0; x < x1; x++) volume.setPhase(x, y, z, phase);
			}
		}
	}

	/** A volume from ../shared/data, read once; the test is skipped when the folder is absent. */
	static LabelVolume reference(final String relative) {
		final Path file = DATA.resolve(relative);
		assumeTrue(Files.isRegularFile(file), "shared test data not found at " + file.toAbsolutePath()
			+ " - skipping the reference-value test");
		return LOADED.computeIfAbsent(relative, r -> {
			try {
				return VolumeReader.read(file);
			}
			catch (final IOException e) {
				throw new UncheckedIOException(e);
			}
		});
	}

	static LabelVolume ketton() {
		return reference("ketton/ketton.zip");
	}

	static LabelVolume electrode() {
		return reference("electrode/electrode.tiff");
	}
}
