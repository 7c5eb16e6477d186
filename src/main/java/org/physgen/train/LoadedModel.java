package org.physgen.train;

import java.nio.file.Path;
import java.util.Locale;

import org.physgen.nn.BlockNetworkFunction;
import org.physgen.nn.MemoryEstimate;
import org.physgen.nn.ModelMetadata;
import org.physgen.nn.NetworkFunction;
import org.physgen.nn.ModelFamily;
import org.physgen.volume.PhaseTable;
import org.physgen.volume.VoxelSize;

/** What both families share once a bundle is loaded: metadata, the network and size checks. */
abstract class LoadedModel implements GenerativeModel {

	protected final Path file;
	protected final ModelMetadata metadata;
	protected final NetworkFunction network;

	LoadedModel(final Path file, final ModelMetadata metadata, final NetworkFunction network) {
		this.file = file;
		this.metadata = metadata;
		this.network = network;
	}

	@Override
	public ModelFamily family() {
		return metadata.family();
	}

	@Override
	public Path file() {
		return file;
	}

	@Override
	public PhaseTable phases() {
		return metadata.phases();
	}

	@Override
	public VoxelSize voxelSize() {
		return metadata.voxelSize();
	}

	@Override
	public int cropSize() {
		return metadata.cropSize();
	}

	@Override
	public int sizeMultiple() {
		return metadata.io().sizeMultiple();
	}

	@Override
	public double[] trainingFractions() {
		return metadata.trainingData() == null ? null : metadata.trainingData().fractionMean();
	}

	public ModelMetadata metadata() {
		return metadata;
	}

	@Override
	public String describe() {
		return String.format(Locale.ROOT, "%s model %s: phases %s, crop %d, %d training steps, loss %.4g",
			ModelMetadata.displayName(family()), file.getFileName(), phases().names(), cropSize(),
			metadata.trainingSteps(), metadata.finalLoss());
	}

	/** @throws IllegalArgumentException naming size_x, size_y or size_z */
	protected void checkSizes(final GenerationRequest request) {
		checkSize("size_x", request.sizeX());
		checkSize("size_y", request.sizeY());
		checkSize("size_z", request.sizeZ());
		if (network instanceof BlockNetworkFunction block && !block.device().isGpu()) {
			final int edge = Math.max(request.sizeX(), Math.max(request.sizeY(), request.sizeZ()));
			MemoryEstimate.requireInferenceFits(metadata.network(), request.batchSize(), edge,
				MemoryEstimate.cpuBudgetBytes());
		}
	}

	private void checkSize(final String name, final int size) {
		if (size % sizeMultiple() != 0) {
			throw new IllegalArgumentException(name + " = " + size + " must be a multiple of " +
				sizeMultiple() + " for this model's network (for example " +
				Math.max(sizeMultiple(), size / sizeMultiple() * sizeMultiple()) + ")");
		}
	}

	@Override
	public void close() {
		network.close();
	}
}
