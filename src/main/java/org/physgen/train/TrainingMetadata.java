package org.physgen.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.lattice.Boundary;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkConfig;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.TrainingData;
import org.physgen.random.RandomStreams;
import org.physgen.volume.LabelVolume;

/** Builds the metadata of a new model: the family's network and process, and the data's statistics. */
public final class TrainingMetadata {

	/** Crops drawn to measure the training data's phase-fraction statistics. */
	static final int STATISTICS_CROPS = 1000;

	private static final long STATISTICS_KEY = 0x53544154L;

	private TrainingMetadata() {}

	static ModelMetadata initial(final TrainingConfig config, final TrainableFamily family,
		final CropSampler crops)
	{
		final int phases = crops.phases().phaseCount();
		final Boundary boundary = family.boundary(config);
		final int base = config.baseChannels();
		final List<Integer> multipliers = NetworkConfig.DEFAULT_MULTIPLIERS;
		final NetworkIo io = family.io(phases, family.conditioned(), 1 << (multipliers.size() - 1));
		final NetworkConfig network = new NetworkConfig(io.inputChannels(), io.outputChannels(), base,
			multipliers, 2, groups(base), 0.0, false, io.conditionDim(), boundary == Boundary.PERIODIC);
		return ModelMetadata.builder(family.id())
			.phases(crops.phases())
			.voxelSize(crops.volumes().get(0).voxelSize())
			.cropSize(config.cropSize())
			.boundary(boundary)
			.network(network)
			.trainingData(statistics(config, crops))
			.process(family.settings(config))
			.build();
	}

	/** GroupNorm groups: the largest count up to 8 that divides the base width. */
	static int groups(final int baseChannels) {
		for (int g = Math.min(8, baseChannels); g > 1; g--) {
			if (baseChannels % g == 0) return g;
		}
		return 1;
	}

	/**
	 * The phase-fraction statistics of {@value #STATISTICS_CROPS} crops drawn with the
	 * configuration's seed, and the name and SHA-256 of the training data.
	 */
	public static TrainingData statistics(final TrainingConfig config, final CropSampler crops) {
		final UniformRandomProvider rng = RandomStreams.of(config.seed(), STATISTICS_KEY);
		final int phases = crops.phases().phaseCount();
		final List<double[]> fractions = new ArrayList<>(STATISTICS_CROPS);
		for (int i = 0; i < STATISTICS_CROPS; i++) {
			fractions.add(PhaseFractionsOfCrop.of(crops.crop(rng, false), phases));
		}
		return TrainingData.summarise(config.dataName(), sha256(crops.volumes()), fractions);
	}

	/** SHA-256 over the sizes and label slices of the training volumes. */
	static String sha256(final List<LabelVolume> volumes) {
		try {
			final MessageDigest digest = MessageDigest.getInstance("SHA-256");
			for (final LabelVolume v : volumes) {
				digest.update((v.sizeX() + "x" + v.sizeY() + "x" + v.sizeZ() + ";")
					.getBytes(StandardCharsets.US_ASCII));
				for (final byte[] slice : v.slices()) digest.update(slice);
			}
			return HexFormat.of().formatHex(digest.digest());
		}
		catch (final NoSuchAlgorithmException e) {
			throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
		}
	}
}
