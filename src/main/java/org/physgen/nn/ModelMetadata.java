package org.physgen.nn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;

import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/**
 * Everything a model bundle says about its model ({@code model.json}, SPEC §7). Immutable; build one
 * with {@link #builder(ModelFamily)} and derive updated copies with {@link #toBuilder()} or
 * {@link #withProgress}. Exactly one of {@link #dsd()} and {@link #pfgm()} is present, matching the
 * family; {@link #network()} is present for DJL weights and null for TorchScript.
 *
 * @param formatVersion version of the bundle layout
 * @param family model family
 * @param phases phase table of the training data
 * @param voxelSize voxel size of the training data
 * @param cropSize edge of the training crops
 * @param boundary "periodic" or "reflecting"
 * @param weightsFormat how the weights are stored
 * @param io tensor interface of the network
 * @param network U-Net shape for DJL weights, null for TorchScript
 * @param dsd DSD process settings, null for PFGM++
 * @param pfgm PFGM++ process settings, null for DSD
 * @param trainingData training data and its fraction statistics, null when unknown (imported models)
 * @param trainingSteps optimiser steps taken
 * @param finalLoss training loss at the last step, NaN when unknown
 * @param softwareVersion PhysGen version that wrote the bundle
 * @param timestamp when the bundle was written
 */
public record ModelMetadata(int formatVersion, ModelFamily family, PhaseTable phases,
	VoxelSize voxelSize, int cropSize, String boundary, WeightsFormat weightsFormat, NetworkIo io,
	NetworkConfig network, DsdProcess dsd, PfgmProcess pfgm, TrainingData trainingData,
	long trainingSteps, double finalLoss, String softwareVersion, Instant timestamp)
{

	/** The bundle layout this version writes and reads. */
	public static final int FORMAT_VERSION = 1;

	public static final String PERIODIC = "periodic";
	public static final String REFLECTING = "reflecting";

	/** Version recorded in new bundles: the jar's implementation version, or "development". */
	public static final String SOFTWARE_VERSION = softwareVersionOfJar();

	public ModelMetadata {
		Objects.requireNonNull(family, "family is required");
		Objects.requireNonNull(phases, "phases is required");
		Objects.requireNonNull(voxelSize, "voxel size is required");
		Objects.requireNonNull(weightsFormat, "weights format is required");
		Objects.requireNonNull(io, "io is required");
		if (formatVersion < 1) {
			throw new IllegalArgumentException("format_version must be at least 1, got " + formatVersion);
		}
		boundary = parseBoundary(boundary);
		if (cropSize < 1) throw new IllegalArgumentException("crop_size must be at least 1, got " + cropSize);
		if (cropSize % io.sizeMultiple() != 0) {
			throw new IllegalArgumentException("crop_size " + cropSize + " is not a multiple of size_multiple " +
				io.sizeMultiple());
		}
		if (weightsFormat == WeightsFormat.DJL) {
			if (network == null) throw new IllegalArgumentException("DJL weights need a network config");
			final NetworkIo fromNetwork = NetworkIo.of(network);
			if (!fromNetwork.equals(io)) {
				throw new IllegalArgumentException("io " + describe(io) + " is inconsistent with the network " +
					"config, which has " + describe(fromNetwork));
			}
		}
		else if (network != null) {
			throw new IllegalArgumentException("a TorchScript model has no network config; network must be " +
				"null");
		}
		final NetworkIo expected = NetworkIo.forFamily(family, phases.phaseCount(), io.conditionDim(),
			io.sizeMultiple());
		if (expected.inputChannels() != io.inputChannels() ||
			expected.outputChannels() != io.outputChannels())
		{
			throw new IllegalArgumentException("io " + describe(io) + " does not fit a " + displayName(family) +
				" model with " + phases.phaseCount() + " phases, which needs input_channels " +
				expected.inputChannels() + " and output_channels " + expected.outputChannels());
		}
		if (family == ModelFamily.DSD) {
			if (dsd == null) throw new IllegalArgumentException("a DSD model needs DSD process settings");
			if (pfgm != null) throw new IllegalArgumentException("a DSD model has no PFGM++ settings");
		}
		else {
			if (pfgm == null) throw new IllegalArgumentException("a PFGM++ model needs PFGM++ settings");
			if (dsd != null) throw new IllegalArgumentException("a PFGM++ model has no DSD settings");
		}
		if (trainingData != null && trainingData.fractionCount() != phases.phaseCount() - 1) {
			throw new IllegalArgumentException("training data has " + trainingData.fractionCount() +
				" fractions per crop, but " + phases.phaseCount() + " phases need " + (phases.phaseCount() - 1));
		}
		if (trainingSteps < 0) {
			throw new IllegalArgumentException("training_steps must be 0 or more, got " + trainingSteps);
		}
		if (softwareVersion == null || softwareVersion.isBlank()) softwareVersion = SOFTWARE_VERSION;
		if (timestamp == null) timestamp = now();
	}

	/** A builder with the format version, software version and timestamp filled in. */
	public static Builder builder(final ModelFamily family) {
		return new Builder(family);
	}

	/** A builder holding every field of this metadata. */
	public Builder toBuilder() {
		return new Builder(this);
	}

	/** A copy after more training: new step count and loss, stamped now. */
	public ModelMetadata withProgress(final long steps, final double loss) {
		return toBuilder().trainingSteps(steps).finalLoss(loss).timestamp(now()).build();
	}

	/** True when the process is periodic. */
	public boolean periodic() {
		return boundary.equals(PERIODIC);
	}

	/** Entry of the bundle holding the weights. */
	public String weightsEntry() {
		return weightsFormat.entry();
	}

	/**
	 * Checks that a volume's phase table has the model's phases (same count, same grey values), as
	 * resuming or inpainting needs.
	 *
	 * @throws IllegalArgumentException naming both tables when they differ
	 */
	public void requireSamePhases(final PhaseTable volumePhases) {
		final boolean same = volumePhases.phaseCount() == phases.phaseCount() &&
			Arrays.equals(greyValues(volumePhases), greyValues(phases));
		if (!same) {
			throw new IllegalArgumentException("phase-table mismatch: model has phases [" + phases +
				"], volume has [" + volumePhases + "]");
		}
	}

	/** "DSD" or "PFGM++". */
	public static String displayName(final ModelFamily family) {
		return family == ModelFamily.DSD ? "DSD" : "PFGM++";
	}

	/** Normalises a boundary name to "periodic" or "reflecting". */
	public static String parseBoundary(final String name) {
		final String b = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
		if (!b.equals(PERIODIC) && !b.equals(REFLECTING)) {
			throw new IllegalArgumentException("boundary must be 'periodic' or 'reflecting', got '" + name + "'");
		}
		return b;
	}

	private static int[] greyValues(final PhaseTable table) {
		final int[] grey = new int[table.phaseCount()];
		for (int p = 0; p < grey.length; p++) grey[p] = table.greyValue(p);
		return grey;
	}

	private static String describe(final NetworkIo io) {
		return "(input_channels " + io.inputChannels() + ", output_channels " + io.outputChannels() +
			", condition_dim " + io.conditionDim() + ", size_multiple " + io.sizeMultiple() + ")";
	}

	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String softwareVersionOfJar() {
		final String v = ModelMetadata.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}

	/** Mutable collector of metadata fields; {@link #build()} validates them. */
	public static final class Builder {

		private int formatVersion = FORMAT_VERSION;
		private ModelFamily family;
		private PhaseTable phases;
		private VoxelSize voxelSize = VoxelSize.DEFAULT;
		private int cropSize;
		private String boundary = PERIODIC;
		private WeightsFormat weightsFormat = WeightsFormat.DJL;
		private NetworkIo io;
		private NetworkConfig network;
		private DsdProcess dsd;
		private PfgmProcess pfgm;
		private TrainingData trainingData;
		private long trainingSteps;
		private double finalLoss = Double.NaN;
		private String softwareVersion = SOFTWARE_VERSION;
		private Instant timestamp;

		private Builder(final ModelFamily family) {
			this.family = family;
		}

		private Builder(final ModelMetadata m) {
			formatVersion = m.formatVersion;
			family = m.family;
			phases = m.phases;
			voxelSize = m.voxelSize;
			cropSize = m.cropSize;
			boundary = m.boundary;
			weightsFormat = m.weightsFormat;
			io = m.io;
			network = m.network;
			dsd = m.dsd;
			pfgm = m.pfgm;
			trainingData = m.trainingData;
			trainingSteps = m.trainingSteps;
			finalLoss = m.finalLoss;
			softwareVersion = m.softwareVersion;
			timestamp = m.timestamp;
		}

		public Builder formatVersion(final int v) { formatVersion = v; return this; }
		public Builder family(final ModelFamily v) { family = v; return this; }
		public Builder phases(final PhaseTable v) { phases = v; return this; }
		public Builder voxelSize(final VoxelSize v) { voxelSize = v; return this; }
		public Builder cropSize(final int v) { cropSize = v; return this; }
		public Builder boundary(final String v) { boundary = v; return this; }
		public Builder io(final NetworkIo v) { io = v; return this; }
		public Builder dsd(final DsdProcess v) { dsd = v; return this; }
		public Builder pfgm(final PfgmProcess v) { pfgm = v; return this; }
		public Builder trainingData(final TrainingData v) { trainingData = v; return this; }
		public Builder trainingSteps(final long v) { trainingSteps = v; return this; }
		public Builder finalLoss(final double v) { finalLoss = v; return this; }
		public Builder softwareVersion(final String v) { softwareVersion = v; return this; }
		public Builder timestamp(final Instant v) { timestamp = v; return this; }

		/** DJL weights for this U-Net; sets {@link NetworkIo} from it. */
		public Builder network(final NetworkConfig v) {
			network = v;
			weightsFormat = WeightsFormat.DJL;
			io = NetworkIo.of(v);
			return this;
		}

		/** TorchScript weights with the given tensor interface; clears the network config. */
		public Builder torchScript(final NetworkIo v) {
			network = null;
			weightsFormat = WeightsFormat.TORCHSCRIPT;
			io = v;
			return this;
		}

		/** Sets format, network and io separately, as read from a file. */
		public Builder weights(final WeightsFormat format, final NetworkIo ioValue, final NetworkConfig config) {
			weightsFormat = format;
			io = ioValue;
			network = config;
			return this;
		}

		/** @throws IllegalArgumentException naming the first inconsistent field */
		public ModelMetadata build() {
			return new ModelMetadata(formatVersion, family, phases, voxelSize, cropSize, boundary,
				weightsFormat, io, network, dsd, pfgm, trainingData, trainingSteps, finalLoss, softwareVersion,
				timestamp == null ? now() : timestamp);
		}
	}
}
