package org.physgen.nn;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Objects;

import org.physgen.lattice.Boundary;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/**
 * Everything a model bundle says about its model ({@code model.json}, SPEC §7). Immutable; build one
 * with {@link #builder(ModelFamily)} and derive updated copies with {@link #toBuilder()} or
 * {@link #withProgress}. The process settings are the family's own section; {@link #network()} is
 * present for DJL weights and null for TorchScript. Whether the network's channels fit the family is
 * the family strategy's check ({@code org.physgen.model.Family#requireFits}).
 *
 * @param formatVersion version of the bundle layout
 * @param family model family
 * @param phases phase table of the training data
 * @param voxelSize voxel size of the training data
 * @param cropSize edge of the training crops
 * @param boundary boundary of the process and of the network's padding
 * @param weightsFormat how the weights are stored
 * @param io tensor interface of the network
 * @param network U-Net shape for DJL weights, null for TorchScript
 * @param process the family's process settings
 * @param trainingData training data and its fraction statistics, null when unknown (imported models)
 * @param trainingSteps optimiser steps taken
 * @param finalLoss training loss at the last step, NaN when unknown
 * @param softwareVersion PhysGen version that wrote the bundle
 * @param timestamp when the bundle was written
 */
public record ModelMetadata(int formatVersion, ModelFamily family, PhaseTable phases,
	VoxelSize voxelSize, int cropSize, Boundary boundary, WeightsFormat weightsFormat, NetworkIo io,
	NetworkConfig network, ProcessSettings process, TrainingData trainingData,
	long trainingSteps, double finalLoss, String softwareVersion, Instant timestamp)
{

	/** The bundle layout this version writes and reads. */
	public static final int FORMAT_VERSION = 1;

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
		Objects.requireNonNull(boundary, "boundary is required");
		if (cropSize < 1) throw new IllegalArgumentException("crop_size must be at least 1, got " + cropSize);
		if (cropSize % io.sizeMultiple() != 0) {
			throw new IllegalArgumentException("crop_size " + cropSize + " is not a multiple of size_multiple " +
				io.sizeMultiple());
		}
		if (weightsFormat == WeightsFormat.DJL) {
			if (network == null) throw new IllegalArgumentException("DJL weights need a network config");
			final NetworkIo fromNetwork = NetworkIo.of(network);
			if (!fromNetwork.equals(io)) {
				throw new IllegalArgumentException("io " + io.describe() + " is inconsistent with the network " +
					"config, which has " + fromNetwork.describe());
			}
		}
		else if (network != null) {
			throw new IllegalArgumentException("a TorchScript model has no network config; network must be " +
				"null");
		}
		if (process == null) {
			throw new IllegalArgumentException("a " + family.displayName() + " model needs " + family.displayName() +
				" process settings");
		}
		if (process.family() != family) {
			throw new IllegalArgumentException("a " + family.displayName() + " model has no " +
				process.family().displayName() + " settings");
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
		return boundary == Boundary.PERIODIC;
	}

	/**
	 * The process settings as the family's record type.
	 *
	 * @throws IllegalStateException when this model's family has another record type
	 */
	public <T extends ProcessSettings> T process(final Class<T> type) {
		if (!type.isInstance(process)) {
			throw new IllegalStateException("a " + family.displayName() + " model has no " + type.getSimpleName());
		}
		return type.cast(process);
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

	private static int[] greyValues(final PhaseTable table) {
		final int[] grey = new int[table.phaseCount()];
		for (int p = 0; p < grey.length; p++) grey[p] = table.greyValue(p);
		return grey;
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
		private Boundary boundary = Boundary.PERIODIC;
		private WeightsFormat weightsFormat = WeightsFormat.DJL;
		private NetworkIo io;
		private NetworkConfig network;
		private ProcessSettings process;
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
			process = m.process;
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
		public Builder boundary(final Boundary v) { boundary = v; return this; }
		public Builder io(final NetworkIo v) { io = v; return this; }
		public Builder process(final ProcessSettings v) { process = v; return this; }
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
				weightsFormat, io, network, process, trainingData, trainingSteps, finalLoss, softwareVersion,
				timestamp == null ? now() : timestamp);
		}
	}
}
