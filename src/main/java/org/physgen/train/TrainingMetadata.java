package org.physgen.train;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import org.apache.commons.rng.UniformRandomProvider;
import org.physgen.dsd.ChannelMap;
import org.physgen.dsd.RateHead;
import org.physgen.dsd.TimeWeighting;
import org.physgen.lattice.Schedule;
import org.physgen.lattice.ScheduleKind;
import org.physgen.nn.DsdProcess;
import org.physgen.nn.ModelFamily;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkConfig;
import org.physgen.nn.NetworkIo;
import org.physgen.nn.PfgmProcess;
import org.physgen.nn.TrainingData;
import org.physgen.pfgm.PerturbationKernel;
import org.physgen.volume.LabelVolume;
import org.physgen.volume.RandomStreams;

/** Builds the metadata of a new model and reads the process settings back out of one. */
final class TrainingMetadata {

	/** Crops drawn to measure the training data's phase-fraction statistics. */
	static final int STATISTICS_CROPS = 1000;

	private static final long STATISTICS_KEY = 0x53544154L;
	private static final List<Integer> MULTIPLIERS = List.of(1, 2, 2);

	private TrainingMetadata() {}

	static ModelMetadata initial(final TrainingConfig config, final CropSampler crops) {
		final ModelFamily family = config.family();
		final int phases = crops.phases().phaseCount();
		final boolean dsd = family == ModelFamily.DSD;
		final boolean periodic = dsd && config.boundary() == org.physgen.lattice.Boundary.PERIODIC;
		final int conditionDim = dsd ? 0 : phases - 1;
		final int base = config.baseChannels();
		final NetworkIo io = NetworkIo.forFamily(family, phases, conditionDim, 1 << (MULTIPLIERS.size() - 1));
		final NetworkConfig network = new NetworkConfig(io.inputChannels(), io.outputChannels(), base,
			MULTIPLIERS, 2, groups(base), 0.0, false, conditionDim, periodic);
		final ModelMetadata.Builder builder = ModelMetadata.builder(family)
			.phases(crops.phases())
			.voxelSize(crops.volumes().get(0).voxelSize())
			.cropSize(config.cropSize())
			.boundary(periodic ? ModelMetadata.PERIODIC : ModelMetadata.REFLECTING)
			.network(network)
			.trainingData(statistics(config, crops));
		return process(builder, config).build();
	}

	/** Adds the family's process settings from the training configuration. */
	static ModelMetadata.Builder process(final ModelMetadata.Builder builder,
		final TrainingConfig config)
	{
		if (config.family() == ModelFamily.DSD) {
			return builder.dsd(new DsdProcess(config.rate(), config.schedule().name().toLowerCase(
				Locale.ROOT), config.scheduleSteps(), GenerationRequest.DEFAULT_TOLERANCE, config
					.rateHead().label(), config.timeWeighting().label()));
		}
		return builder.pfgm(PfgmProcess.defaults(config.augDim()));
	}

	/** GroupNorm groups: the largest count up to 8 that divides the base width. */
	static int groups(final int baseChannels) {
		for (int g = Math.min(8, baseChannels); g > 1; g--) {
			if (baseChannels % g == 0) return g;
		}
		return 1;
	}

	/** DSD channels: every phase but the majority phase of the training crops (phase 0 if unknown). */
	static ChannelMap channels(final ModelMetadata metadata) {
		final int phases = metadata.phases().phaseCount();
		if (metadata.trainingData() == null) return new ChannelMap(phases, 0);
		final double[] mean = metadata.trainingData().fractionMean();
		final long[] scaled = new long[phases];
		double rest = 1;
		for (int p = 1; p < phases; p++) {
			scaled[p] = Math.round(mean[p - 1] * 1e9);
			rest -= mean[p - 1];
		}
		scaled[0] = Math.round(rest * 1e9);
		return ChannelMap.forCounts(scaled);
	}

	static Schedule schedule(final DsdProcess process) {
		return new Schedule(ScheduleKind.valueOf(process.schedule().toUpperCase(Locale.ROOT)),
			process.scheduleSteps());
	}

	static RateHead rateHead(final DsdProcess process) {
		return RateHead.parse(process.rateHead());
	}

	static TimeWeighting timeWeighting(final DsdProcess process) {
		return TimeWeighting.parse(process.timeWeighting());
	}

	static PerturbationKernel kernel(final PfgmProcess process) {
		return Double.isInfinite(process.augDim()) ? PerturbationKernel.gaussian()
			: PerturbationKernel.of(process.augDim());
	}

	static TrainingData statistics(final TrainingConfig config, final CropSampler crops) {
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
